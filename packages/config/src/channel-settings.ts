import { z } from "zod";
import type { ServerEnv } from "./env";

/**
 * The platform-wide channel secrets an owner or admin may set in the console instead of the
 * environment: Meta's app secrets (X-Hub-Signature-256) and verify tokens (the subscription
 * handshake) for Instagram and WhatsApp, Twilio's account SID and auth token. Stored encrypted and
 * never shown again; the environment variable, when set, wins.
 */
export const CHANNEL_SETTINGS = [
  "instagram_app_secret",
  "instagram_verify_token",
  "whatsapp_app_secret",
  "whatsapp_verify_token",
  "twilio_account_sid",
  "twilio_auth_token",
] as const;
export const channelSettingNameSchema = z.enum(CHANNEL_SETTINGS);
export type ChannelSettingName = z.infer<typeof channelSettingNameSchema>;

/** A variable holding an optional secret, so `env[name]` is a string when it is set. */
type SecretVariable = {
  [K in keyof ServerEnv]-?: undefined extends ServerEnv[K] ? K : never;
}[keyof ServerEnv];

/** The environment variable that overrides each setting. */
export const CHANNEL_SETTING_VARIABLES = {
  instagram_app_secret: "INSTAGRAM_APP_SECRET",
  instagram_verify_token: "INSTAGRAM_WEBHOOK_VERIFY_TOKEN",
  whatsapp_app_secret: "WHATSAPP_APP_SECRET",
  whatsapp_verify_token: "WHATSAPP_VERIFY_TOKEN",
  twilio_account_sid: "TWILIO_ACCOUNT_SID",
  twilio_auth_token: "TWILIO_AUTH_TOKEN",
} as const satisfies Record<ChannelSettingName, SecretVariable>;

/** Where the value in effect comes from: the environment wins over the console. */
export const CHANNEL_SETTING_SOURCES = ["env", "console", "none"] as const;
export type ChannelSettingSource = (typeof CHANNEL_SETTING_SOURCES)[number];

export const CHANNEL_SETTING_MAX_LENGTH = 512;

/** Twilio account SIDs: "AC" and 32 hex digits (https://www.twilio.com/docs/glossary/what-is-a-sid). */
export const TWILIO_ACCOUNT_SID_PATTERN = /^AC[0-9a-fA-F]{32}$/;

/** Printable ASCII without spaces: every one of these secrets is such a token. */
const secretText = z
  .string()
  .trim()
  .min(1, "Enter a value")
  .max(CHANNEL_SETTING_MAX_LENGTH)
  .regex(/^[\x21-\x7e]+$/, "Use letters, digits and symbols without spaces");

export const channelSettingSetInputSchema = z
  .object({ name: channelSettingNameSchema, value: secretText })
  .refine(
    (input) => input.name !== "twilio_account_sid" || TWILIO_ACCOUNT_SID_PATTERN.test(input.value),
    {
      path: ["value"],
      message: "A Twilio account SID is AC followed by 32 hexadecimal characters",
    },
  );
export type ChannelSettingSetInput = z.infer<typeof channelSettingSetInputSchema>;

export const channelSettingClearInputSchema = z.object({ name: channelSettingNameSchema });

/** What the console sees of a setting: never the value. */
export const channelSettingStatusSchema = z.object({
  name: channelSettingNameSchema,
  variable: z.string(),
  set: z.boolean(),
  source: z.enum(CHANNEL_SETTING_SOURCES),
  /** Also stored in the console while the environment overrides it. */
  storedInConsole: z.boolean(),
});
export type ChannelSettingStatus = z.infer<typeof channelSettingStatusSchema>;
