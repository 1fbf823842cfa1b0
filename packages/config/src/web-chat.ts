import { z } from "zod";

/** The web chat visitor's token: the only key to its conversation (only its hash is stored). */
export const WEB_CHAT_TOKEN_MIN = 16;
export const WEB_CHAT_TOKEN_MAX = 256;
export const webChatTokenSchema = z.string().trim().min(WEB_CHAT_TOKEN_MIN).max(WEB_CHAT_TOKEN_MAX);
