import { z } from "zod";

/** The language the alert chat's messages are written in (the people reading them choose it). */
export const ALERT_LANGUAGES = ["en", "ru"] as const;
export const alertLanguageSchema = z.enum(ALERT_LANGUAGES);
export type AlertLanguage = z.infer<typeof alertLanguageSchema>;

/** Telegram chat ids are integers (negative for groups) or @channelusername. */
export const TELEGRAM_CHAT_ID_PATTERN = /^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/;
export const telegramChatIdSchema = z
  .union([z.number().int(), z.string()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(TELEGRAM_CHAT_ID_PATTERN, "must be a Telegram chat id or @channelname"));

export const MAX_BOT_TOKEN = 256;
export const MAX_NOTIFICATION_DESCRIPTION = 500;
/** Agents one alert chat may be limited to. */
export const MAX_NOTIFICATION_AGENTS = 100;
