import type { ChannelBinding, Repositories } from "@agents-crm/db";
import type { ChannelSecrets } from "./channel-secrets";

/**
 * A Twilio binding saved without its own auth token stores this instead, and uses the account's
 * credentials from the channel settings (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN or the console).
 */
export const INHERITED_TWILIO_TOKEN = "inherit:channel-settings";

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

export const isTwilioBinding = (binding: Pick<ChannelBinding, "channelType" | "metadata">) =>
  binding.channelType === "whatsapp" && binding.metadata.provider === "twilio";

/** The binding's own account SID and auth token, else the channel settings'; null when either is missing. */
export async function twilioCredentialsOf(
  deps: { repos: Pick<Repositories, "channelBindings">; channelSecrets: ChannelSecrets },
  binding: ChannelBinding,
): Promise<TwilioCredentials | null> {
  const own = await deps.repos.channelBindings.getAccessToken(binding.bindingId);
  const ownSid =
    typeof binding.metadata.accountSid === "string" ? binding.metadata.accountSid : null;
  const authToken =
    own && own !== INHERITED_TWILIO_TOKEN
      ? own
      : await deps.channelSecrets.get("twilio_auth_token");
  const accountSid = ownSid ?? (await deps.channelSecrets.get("twilio_account_sid"));
  return authToken && accountSid ? { accountSid, authToken } : null;
}
