import { TWILIO_ACCOUNT_SID_PATTERN } from "@agents-crm/config/channel-settings";
import { TWILIO_WHATSAPP_SENDER } from "@agents-crm/config/twilio";
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
