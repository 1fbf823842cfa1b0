import type { ServerEnv } from "./env";

/**
 * The API's webhook endpoints, at the reference product's paths so existing registrations keep working
 * (Telegram's ends in the binding id); the web server proxies them.
 */
export const WEBHOOK_PATHS = {
  instagram: "/api/v1/instagram/webhook",
  whatsapp: "/api/v1/whatsapp/webhook",
  telegram: "/api/v1/telegram/webhook/",
} as const;

/**
 * The secrets that let the API verify a platform's webhooks, as the console names them: Meta's app
 * secret (X-Hub-Signature-256) and verify token (the subscription handshake), Telegram's secret token.
 * One list, so a kind added to the API fails the console's typecheck until it has words.
 */
export const WEBHOOK_SECRETS = [
  "app_secret",
  "verify_token",
  "webhook_secret",
  "twilio_account_sid",
  "twilio_auth_token",
] as const;
export type WebhookSecret = (typeof WEBHOOK_SECRETS)[number];

/** What happens to a binding's deliveries with the secrets it has. */
export const WEBHOOK_DELIVERIES = ["verified", "refused", "accepted_unverified"] as const;
export type WebhookDeliveries = (typeof WEBHOOK_DELIVERIES)[number];

/** A variable holding an optional secret, so `env[name]` is a string when it is set. */
type SecretVariable = {
  [K in keyof ServerEnv]-?: undefined extends ServerEnv[K] ? K : never;
}[keyof ServerEnv];

/** The API's environment variables behind each Meta platform's webhook. */
export const META_WEBHOOK_VARIABLES = {
  instagram: { appSecret: "INSTAGRAM_APP_SECRET", verifyToken: "INSTAGRAM_WEBHOOK_VERIFY_TOKEN" },
  whatsapp: { appSecret: "WHATSAPP_APP_SECRET", verifyToken: "WHATSAPP_VERIFY_TOKEN" },
} as const satisfies Record<string, { appSecret: SecretVariable; verifyToken: SecretVariable }>;
