/**
 * Twilio as a WhatsApp provider: its webhook paths (on the API, proxied by the web server like the
 * other /api/v1 paths) and what a binding carries.
 */
export const TWILIO_WEBHOOK_PATHS = {
  /** Incoming WhatsApp messages: the sender's "A message comes in" URL in Twilio's console. */
  messages: "/api/v1/twilio/whatsapp/webhook",
  /** Status callbacks of the messages we send (passed as StatusCallback on each send). */
  status: "/api/v1/twilio/whatsapp/status",
} as const;

export const WHATSAPP_PROVIDERS = ["meta", "twilio"] as const;
export type WhatsAppProvider = (typeof WHATSAPP_PROVIDERS)[number];

/** A Twilio WhatsApp sender as Twilio writes it in From/To: `whatsapp:+14155238886`. */
export const TWILIO_WHATSAPP_SENDER = /^whatsapp:\+[1-9]\d{6,14}$/;

/**
 * The Twilio Sandbox for WhatsApp's shared number: every account's sandbox sends from it, and it is
 * no registered sender of any account (https://www.twilio.com/docs/whatsapp/sandbox).
 */
export const TWILIO_SANDBOX_SENDER = "whatsapp:+14155238886";

/**
 * Where a Twilio binding's auth token comes from (`metadata.auth`): stored encrypted with the
 * binding, or the channel settings (the environment's TWILIO_AUTH_TOKEN, else the console's).
 * Its account SID is `metadata.accountSid`, or the channel settings' when it has none.
 */
export const TWILIO_AUTH_SOURCES = ["binding", "channel_settings"] as const;
export type TwilioAuthSource = (typeof TWILIO_AUTH_SOURCES)[number];

/**
 * Why bindings.verify refused a Twilio binding's sender, for the console to say in its language:
 * neither a WhatsApp sender nor a number of the account; a number of the account that is not
 * registered for WhatsApp; a WhatsApp sender of the account that is not online (still registering,
 * offline).
 */
export const TWILIO_SENDER_PROBLEMS = ["not_on_account", "not_whatsapp", "not_online"] as const;
export type TwilioSenderProblem = (typeof TWILIO_SENDER_PROBLEMS)[number];

/**
 * Twilio's error codes for WhatsApp sends and status callbacks, in words staff can act on
 * (https://www.twilio.com/docs/api/errors).
 */
export const TWILIO_ERROR_MESSAGES: Record<string, string> = {
  "63016":
    "Outside the 24-hour window: the customer has not written in the last 24 hours, so only an approved template can be sent",
  "63003": "The recipient's number is not on WhatsApp or cannot be reached",
  "63024": "The recipient is not a valid WhatsApp user",
  "63007": "The sender is not a WhatsApp sender on this Twilio account",
  "63018": "Twilio's rate limit for this WhatsApp sender was reached",
  "63032": "The customer has opted out of messages from this business",
  "63049": "Meta chose not to deliver this message (marketing limits)",
  "21211": "The recipient's number is not a valid phone number",
  "21610": "The recipient has opted out (replied STOP)",
  "20003": "Twilio refused the account SID or auth token",
  "20404": "Twilio does not know this account or resource",
  "30003": "The recipient's phone is unreachable",
  "30005": "The recipient's number is unknown",
  "30006": "The recipient cannot receive this message",
  "30007": "The carrier filtered the message",
  "30008": "Twilio could not deliver the message (unknown error)",
};

/** Twilio's words for a code, else a generic sentence naming the code. */
export const twilioErrorMessage = (code: string | number, fallback?: string) =>
  TWILIO_ERROR_MESSAGES[String(code)] ??
  `${fallback ?? "Twilio refused the message"} (Twilio error ${code})`;
