import type { BindingErrorReason } from "@agents-crm/config/binding-errors";
import type { Translation } from "~/i18n/define";
import type { channels } from "./messages";

type Words = Translation<(typeof channels)["en"]>;

/**
 * A binding's failure in the console's language: from its reason when the API gave one; otherwise the
 * stored sentence (a platform's own words), under a label saying so.
 */
export function bindingErrorText(
  error: { reason: BindingErrorReason | null | undefined; text: string },
  t: Words,
): string {
  const { reason } = error;
  if (!reason) return t.health.platformSaid(error.text);
  const words = t.errors;
  switch (reason.kind) {
    case "no_access_token":
      return words.no_access_token;
    case "telegram_wrong_bot":
      return words.telegram_wrong_bot(reason.botId, reason.boundBotId);
    case "telegram_webhook":
      return words.telegram_webhook(reason.message);
    case "twilio_no_credentials":
      return words.twilio_no_credentials;
    case "twilio_auth_refused":
      return words.twilio_auth_refused(reason.accountSid);
    case "twilio_no_account":
      return words.twilio_no_account(reason.accountSid);
    case "twilio_account_inactive":
      return words.twilio_account_inactive(reason.accountSid, reason.status);
    case "twilio_sender":
      return t.verifyResult.twilioSender[reason.problem](reason.sender, reason.status ?? "");
    case "messaging_window":
      return words.window[reason.window];
  }
}
