import type { TwilioAuthSource } from "@agents-crm/config/twilio";
import type { ChannelBinding, Repositories } from "@agents-crm/db";
import type { ChannelSecrets } from "./channel-secrets";

/**
 * What bindings saved before `metadata.auth` existed stored as their token when they had none of
 * their own. Read as "from the channel settings", never sent anywhere; nothing writes it any more.
 */
const LEGACY_INHERITED_TOKEN = "inherit:channel-settings";

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

/** Where each of a Twilio binding's credentials comes from, and the binding's own SID (not a secret). */
export interface TwilioCredentialSources {
  accountSid: TwilioAuthSource;
  authToken: TwilioAuthSource;
  ownAccountSid: string | null;
}

type Deps = {
  repos: Pick<Repositories, "channelBindings">;
  channelSecrets: Pick<ChannelSecrets, "get">;
};

export const isTwilioBinding = (binding: Pick<ChannelBinding, "channelType" | "metadata">) =>
  binding.channelType === "whatsapp" && binding.metadata.provider === "twilio";

const ownAccountSidOf = (binding: ChannelBinding) =>
  typeof binding.metadata.accountSid === "string" ? binding.metadata.accountSid : null;

/** The binding's own auth token, or null when it takes the channel settings' (explicitly, or as saved long ago). */
export async function ownTwilioAuthToken(
  repos: Pick<Repositories, "channelBindings">,
  binding: ChannelBinding,
): Promise<string | null> {
  if (binding.metadata.auth === "channel_settings") return null;
  const stored = await repos.channelBindings.getAccessToken(binding.bindingId);
  return stored === null || stored === LEGACY_INHERITED_TOKEN ? null : stored;
}

/** For the console: which of the binding's credentials are its own (no value leaves the server). */
export async function twilioCredentialSources(
  repos: Pick<Repositories, "channelBindings">,
  binding: ChannelBinding,
): Promise<TwilioCredentialSources> {
  const ownAccountSid = ownAccountSidOf(binding);
  return {
    accountSid: ownAccountSid ? "binding" : "channel_settings",
    authToken: (await ownTwilioAuthToken(repos, binding)) ? "binding" : "channel_settings",
    ownAccountSid,
  };
}

/**
 * The one place a Twilio binding's credentials are resolved (webhooks, sending, media, verify): each
 * is the binding's own, else the channel settings' (the environment wins over the console there).
 * Null when either is missing.
 */
export async function twilioCredentialsOf(
  deps: Deps,
  binding: ChannelBinding,
): Promise<TwilioCredentials | null> {
  const authToken =
    (await ownTwilioAuthToken(deps.repos, binding)) ??
    (await deps.channelSecrets.get("twilio_auth_token"));
  const accountSid =
    ownAccountSidOf(binding) ?? (await deps.channelSecrets.get("twilio_account_sid"));
  return authToken && accountSid ? { accountSid, authToken } : null;
}
