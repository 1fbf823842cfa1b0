import type { ServerEnv } from "@agents-crm/config/env";
import {
  META_WEBHOOK_VARIABLES,
  type WebhookDeliveries,
  type WebhookSecret,
} from "@agents-crm/config/webhook-secrets";
import type { ChannelBinding, Repositories } from "@agents-crm/db";

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
 * by the secret token bindings.verify registered. Null for channels without webhooks (web chat).
 */
export async function bindingSecrets(
  deps: { env: ServerEnv; repos: Repositories },
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
  const variables = META_WEBHOOK_VARIABLES[binding.channelType];
  const missing: MissingSecret[] = [];
  const saved = (await deps.repos.channelBindings.getCredentials(binding.bindingId))?.secretMetadata
    .app_secret;
  const appSecret =
    env[variables.appSecret] !== undefined || (typeof saved === "string" && saved !== "");
  if (!appSecret) missing.push({ secret: "app_secret", variable: variables.appSecret });
  if (env[variables.verifyToken] === undefined) {
    missing.push({ secret: "verify_token", variable: variables.verifyToken });
  }
  return { missing, deliveries: appSecret ? "verified" : unverified };
}
