import type { ServerEnv } from "@agents-crm/config/env";
import {
  META_WEBHOOK_VARIABLES,
  type WebhookDeliveries,
  type WebhookSecret,
} from "@agents-crm/config/webhook-secrets";
import type { ChannelBinding, Repositories } from "@agents-crm/db";
import type { ChannelSecrets } from "../../channels/settings/channel-secrets";
import { isTwilioBinding, ownTwilioAuthToken } from "../../channels/settings/twilio-credentials";

export interface MissingSecret {
  secret: WebhookSecret;
  /** The API variable that supplies it (or that must be set first); null when none does. */
  variable: string | null;
}

export interface BindingSecrets {
  missing: MissingSecret[];
  deliveries: WebhookDeliveries;
}

/**
 * Which of the secrets that verify a binding's webhooks are missing, and so what happens to its
 * deliveries now (channels page). Only presence is read: no value leaves the server. A Meta delivery
 * is verified by the app secret in the environment or the one saved with the binding; a Telegram one
 * by the secret token bindings.verify registered; a Twilio one by the auth token (the binding's, else
 * the account's from Channel settings). Platform-wide secrets are read through channelSecrets (the
 * environment wins, else the console). Null for channels without webhooks (web chat).
 */
export async function bindingSecrets(
  deps: { env: ServerEnv; repos: Repositories; channelSecrets: Pick<ChannelSecrets, "get"> },
  binding: ChannelBinding,
): Promise<BindingSecrets | null> {
  const { env } = deps;
  const unverified = env.ALLOW_UNSIGNED_WEBHOOKS ? "accepted_unverified" : "refused";
  if (binding.channelType === "telegram") {
    if (binding.webhookSecretName !== undefined) return { missing: [], deliveries: "verified" };
    return {
      missing: [{ secret: "webhook_secret", variable: env.APP_URL ? null : "APP_URL" }],
      deliveries: unverified,
    };
  }
  if (binding.channelType === "web_chat") return null;
  if (isTwilioBinding(binding)) return twilioSecrets(deps, binding, unverified);
  const variables = META_WEBHOOK_VARIABLES[binding.channelType];
  const setting = binding.channelType === "instagram" ? "instagram" : "whatsapp";
  const missing: MissingSecret[] = [];
  const saved = (await deps.repos.channelBindings.getCredentials(binding.bindingId))?.secretMetadata
    .app_secret;
  const appSecret =
    (await deps.channelSecrets.get(`${setting}_app_secret`)) !== undefined ||
    (typeof saved === "string" && saved !== "");
  if (!appSecret) missing.push({ secret: "app_secret", variable: variables.appSecret });
  if ((await deps.channelSecrets.get(`${setting}_verify_token`)) === undefined) {
    missing.push({ secret: "verify_token", variable: variables.verifyToken });
  }
  return { missing, deliveries: appSecret ? "verified" : unverified };
}

/** Twilio signs with the auth token; the binding's own, else the account's from Channel settings. */
async function twilioSecrets(
  deps: { repos: Repositories; channelSecrets: Pick<ChannelSecrets, "get"> },
  binding: ChannelBinding,
  unverified: WebhookDeliveries,
): Promise<BindingSecrets> {
  const missing: MissingSecret[] = [];
  const authToken =
    (await ownTwilioAuthToken(deps.repos, binding)) !== null ||
    (await deps.channelSecrets.get("twilio_auth_token")) !== undefined;
  if (!authToken) missing.push({ secret: "twilio_auth_token", variable: "TWILIO_AUTH_TOKEN" });
  const accountSid =
    typeof binding.metadata.accountSid === "string" ||
    (await deps.channelSecrets.get("twilio_account_sid")) !== undefined;
  if (!accountSid) missing.push({ secret: "twilio_account_sid", variable: "TWILIO_ACCOUNT_SID" });
  return { missing, deliveries: authToken ? "verified" : unverified };
}
