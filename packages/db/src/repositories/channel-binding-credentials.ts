import type { ChannelBinding } from "../schemas/channel-binding";
import type { SecretsRepository } from "./secrets";

export interface ChannelCredentials {
  accessToken: string;
  /** Secret companions stored with the token (e.g. app_secret). */
  secretMetadata: Record<string, unknown>;
}

/** The explicitly named secret reads of a binding: its access token (and companions), its webhook secret. */
export function createChannelBindingCredentials(
  secrets: SecretsRepository,
  get: (bindingId: string) => Promise<ChannelBinding | null>,
) {
  const getCredentials = async (bindingId: string): Promise<ChannelCredentials | null> => {
    const binding = await get(bindingId);
    if (!binding) return null;
    const value = await secrets.get(binding.secretName);
    if (value === null) return null;
    if (typeof value === "string") return { accessToken: value, secretMetadata: {} };
    const { access_token: accessToken, ...secretMetadata } = value;
    return typeof accessToken === "string" ? { accessToken, secretMetadata } : null;
  };

  return {
    getCredentials,

    /** Explicit secret read: the decrypted access token, or null when the binding or secret is missing. */
    async getAccessToken(bindingId: string): Promise<string | null> {
      return (await getCredentials(bindingId))?.accessToken ?? null;
    },

    /** The shared secret a platform echoes on webhooks (Telegram's secret_token), if one was set. */
    async getWebhookSecret(bindingId: string): Promise<string | null> {
      const binding = await get(bindingId);
      if (!binding?.webhookSecretName) return null;
      const value = await secrets.get(binding.webhookSecretName);
      return typeof value === "string" ? value : null;
    },
  };
}
