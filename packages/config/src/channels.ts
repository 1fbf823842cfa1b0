import { z } from "zod";

/** Where conversations happen, in the order the console lists them. */
export const CHANNELS = ["web_chat", "instagram", "telegram", "whatsapp"] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/**
 * The platforms an agent is bound to with an account (the web chat needs no binding), in the order the
 * console lists them.
 */
export const PLATFORMS = ["telegram", "instagram", "whatsapp"] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

/** The platforms Meta runs: one app secret signs their webhooks, one Graph API answers them. */
export const META_PLATFORMS = ["instagram", "whatsapp"] as const satisfies readonly Platform[];
export type MetaPlatform = (typeof META_PLATFORMS)[number];

/**
 * A BotFather token: the bot's numeric id, a colon, then its secret. Anything else is certainly a
 * paste mistake, so it is refused before Telegram is asked.
 */
export const TELEGRAM_BOT_TOKEN_PATTERN = /^(\d{3,20}):[A-Za-z0-9_-]{20,}$/;
