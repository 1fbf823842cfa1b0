import { META_WEBHOOK_VARIABLES, WEBHOOK_PATHS } from "@agents-crm/config/webhook-secrets";
import type { BoundChannel } from "./types";

/** The API's environment variables behind Meta's webhook (Telegram needs none). */
export const VERIFY_TOKEN_VARIABLE = {
  instagram: META_WEBHOOK_VARIABLES.instagram.verifyToken,
  whatsapp: META_WEBHOOK_VARIABLES.whatsapp.verifyToken,
} as const;

export const APP_SECRET_VARIABLE = {
  instagram: META_WEBHOOK_VARIABLES.instagram.appSecret,
  whatsapp: META_WEBHOOK_VARIABLES.whatsapp.appSecret,
} as const;

/**
 * The callback URL to paste into Meta's dashboard (or that Telegram is told on verify): this site's
 * origin plus the API's path. Meta only calls HTTPS addresses, so a local http origin is flagged.
 */
export function webhookUrl(channel: BoundChannel, origin: string, bindingId?: string): string {
  const base = origin.replace(/\/+$/, "");
  if (channel === "telegram") {
    return `${base}${WEBHOOK_PATHS.telegram}${encodeURIComponent(bindingId ?? "{binding id}")}`;
  }
  return `${base}${WEBHOOK_PATHS[channel]}`;
}

/** Meta and Telegram refuse webhooks that are not public HTTPS. */
export function isPublicHttps(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      url.protocol === "https:" &&
      !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) &&
      !url.hostname.endsWith(".local")
    );
  } catch {
    return false;
  }
}
