import { z } from "zod";
import { envUrl, optionalString } from "./env-parsers";

/**
 * Twilio, the second WhatsApp provider. The account's credentials may instead be set in the console
 * (channel settings) or on a binding; these variables win over the console's.
 */
export const twilioEnvSchema = z.object({
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  /** Twilio's REST API; tests point it at a local fake. */
  TWILIO_API_BASE_URL: envUrl(["http:", "https:"]).default("https://api.twilio.com"),
  /** Twilio's Messaging API (WhatsApp senders, checked by bindings.verify); tests use a local fake. */
  TWILIO_MESSAGING_BASE_URL: envUrl(["http:", "https:"]).default("https://messaging.twilio.com"),
});
