import { z } from "zod";
import { TWILIO_SENDER_PROBLEMS } from "./twilio";

/**
 * Why a binding's verification or delivery last failed, as facts the console words in its own language.
 * The binding's `lastError` keeps the English sentence (logs, CLI, audit); a failure with none of these
 * reasons (a platform's own words) is shown as that sentence, under a label in the console's language.
 */
export const bindingErrorReasonSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("no_access_token") }),
  /** The Telegram token is another bot's. */
  z.object({ kind: z.literal("telegram_wrong_bot"), botId: z.string(), boundBotId: z.string() }),
  /** Telegram accepted the token but refused the webhook; `message` is Telegram's own words. */
  z.object({ kind: z.literal("telegram_webhook"), message: z.string() }),
  z.object({ kind: z.literal("twilio_no_credentials") }),
  z.object({ kind: z.literal("twilio_auth_refused"), accountSid: z.string() }),
  z.object({ kind: z.literal("twilio_no_account"), accountSid: z.string() }),
  z.object({
    kind: z.literal("twilio_account_inactive"),
    accountSid: z.string(),
    status: z.string(),
  }),
  /** The account is fine but the binding's sender is not one of its online WhatsApp senders. */
  z.object({
    kind: z.literal("twilio_sender"),
    sender: z.string(),
    problem: z.enum(TWILIO_SENDER_PROBLEMS),
    /** Twilio's status of the sender (`not_online`), else null. */
    status: z.string().nullable(),
  }),
  /** A send refused before it went out: the platform's messaging window had closed. */
  z.object({
    kind: z.literal("messaging_window"),
    window: z.enum(["whatsapp_24h", "instagram_24h_automated", "instagram_7d_human"]),
  }),
]);
export type BindingErrorReason = z.output<typeof bindingErrorReasonSchema>;
export type MessagingWindow = Extract<BindingErrorReason, { kind: "messaging_window" }>["window"];

/**
 * Why the product could not send a message, as facts the console words in its own language: a binding's
 * failure (above) or one of the message's own. A failure without one (the platform's own words) is shown
 * as its stored sentence.
 */
export const deliveryFailureSchema = z.discriminatedUnion("kind", [
  ...bindingErrorReasonSchema.options,
  /** The agent has no active binding on the conversation's platform any more. */
  z.object({ kind: z.literal("no_active_binding"), channel: z.string() }),
  /** The conversation names no platform user to send to. */
  z.object({ kind: z.literal("no_recipient") }),
  /** A file of the message was deleted before it could be sent. */
  z.object({ kind: z.literal("file_gone") }),
  /** Instagram fetches files by URL, and APP_URL (the API's public address) is not set. */
  z.object({ kind: z.literal("no_public_url") }),
]);
export type DeliveryFailure = z.output<typeof deliveryFailureSchema>;

/** The binding's part of a delivery failure (shown in channel health too), else null. */
export function bindingReasonOf(failure: DeliveryFailure | undefined): BindingErrorReason | null {
  const parsed = bindingErrorReasonSchema.safeParse(failure);
  return parsed.success ? parsed.data : null;
}
