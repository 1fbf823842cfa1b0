import { TWILIO_ACCOUNT_SID_PATTERN } from "@agents-crm/config/channel-settings";
import { TWILIO_WHATSAPP_SENDER } from "@agents-crm/config/twilio";
import type { ChannelBinding } from "@agents-crm/db";
import { invalidInput } from "../errors";

/** A Twilio WhatsApp binding's account is its sender as Twilio writes it; its account SID, if given, is Twilio's. */
export function twilioBindingProblems(sender: string | undefined, accountSid: unknown): void {
  if (!sender || !TWILIO_WHATSAPP_SENDER.test(sender)) {
    throw invalidInput(
      "channelAccountId",
      "must be the Twilio WhatsApp sender as whatsapp:+ and the number in international format (whatsapp:+14155238886)",
    );
  }
  if (
    accountSid !== undefined &&
    (typeof accountSid !== "string" || !TWILIO_ACCOUNT_SID_PATTERN.test(accountSid))
  ) {
    throw invalidInput(
      "metadata.accountSid",
      "must be a Twilio account SID: AC followed by 32 hexadecimal characters",
    );
  }
}

/**
 * What a change to a Twilio binding writes: its sender, and metadata that stays Twilio's with the
 * account SID given (or the current one; left out: the channel settings') and where its auth token
 * now comes from (a new token: the binding; null: the channel settings; else as it was).
 */
export function twilioUpdate(
  current: ChannelBinding,
  input: {
    channelAccountId?: string;
    accessToken?: string | null;
    metadata?: Record<string, unknown>;
  },
): { channelAccountId?: string; metadata: Record<string, unknown> } {
  if (input.metadata !== undefined && input.metadata.provider !== "twilio") {
    throw invalidInput(
      "metadata.provider",
      "cannot change; connect Meta's Cloud API with a new binding",
    );
  }
  const metadata = input.metadata ?? current.metadata;
  const sender = input.channelAccountId ?? current.channelAccountId;
  twilioBindingProblems(sender, metadata.accountSid);
  const auth =
    input.accessToken === null
      ? "channel_settings"
      : input.accessToken !== undefined
        ? "binding"
        : current.metadata.auth;
  return {
    ...(sender !== current.channelAccountId ? { channelAccountId: sender } : {}),
    metadata: { ...metadata, ...(auth !== undefined ? { auth } : {}) },
  };
}
