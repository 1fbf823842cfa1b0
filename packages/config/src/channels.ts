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
