import type { DeliveryFailure } from "@agents-crm/config/binding-errors";
import type { Translation } from "~/i18n/define";
import { bindingErrorText } from "~/features/channels/binding-error-text";
import type { channels } from "~/features/channels/messages";
import type { conversations } from "~/features/inbox/messages";

type DeliveryWords = Translation<(typeof conversations)["en"]>["delivery"];
type ChannelWords = Translation<(typeof channels)["en"]>;

/**
 * Why a message was not sent, in the console's language: a binding's reason as the channels page words
 * it, the message's own reasons here; without a reason, the stored sentence (the platform's own words).
 */
export function deliveryFailureText(
  failure: DeliveryFailure | undefined,
  error: string | undefined,
  words: DeliveryWords,
  channelWords: ChannelWords,
): string | undefined {
  if (!failure) return error;
  if (failure.kind === "no_active_binding") {
    return words.failures.no_active_binding(failure.channel);
  }
  if (
    failure.kind === "no_recipient" ||
    failure.kind === "file_gone" ||
    failure.kind === "no_public_url"
  ) {
    return words.failures[failure.kind];
  }
  return bindingErrorText({ reason: failure, text: error ?? "" }, channelWords);
}
