import type { ServerEnv } from "@agents-crm/config/env";
import type { ChannelSecrets } from "../../channels/settings/channel-secrets";

export interface MetaWebhookSetup {
  /** Whether the token Meta's "Verify token" field must match is configured (its value is never sent). */
  verifyTokenSet: boolean;
  /** Without the app secret every signed delivery is refused, so the console warns before Meta calls. */
  appSecretSet: boolean;
}

export interface TwilioWebhookSetup {
  /** The account's SID and auth token (environment or console) that bindings without their own use. */
  accountSidSet: boolean;
  authTokenSet: boolean;
}

export interface WebhookSetup {
  /** The public address webhooks are registered at (Telegram's setWebhook uses it); null when unset. */
  appUrl: string | null;
  instagram: MetaWebhookSetup;
  whatsapp: MetaWebhookSetup;
  twilio: TwilioWebhookSetup;
}

/**
 * What the console's connection guide needs: the public address and whether each platform's settings
 * exist, from the environment or the console's Channel settings (environment wins). Tokens and
 * secrets stay on the server (design §4); the guide names the variables holding them.
 */
export async function webhookSetup(deps: {
  env: Pick<ServerEnv, "APP_URL">;
  channelSecrets: Pick<ChannelSecrets, "get">;
}): Promise<WebhookSetup> {
  const set = async (name: Parameters<ChannelSecrets["get"]>[0]) =>
    (await deps.channelSecrets.get(name)) !== undefined;
  return {
    appUrl: deps.env.APP_URL ?? null,
    instagram: {
      verifyTokenSet: await set("instagram_verify_token"),
      appSecretSet: await set("instagram_app_secret"),
    },
    whatsapp: {
      verifyTokenSet: await set("whatsapp_verify_token"),
      appSecretSet: await set("whatsapp_app_secret"),
    },
    twilio: {
      accountSidSet: await set("twilio_account_sid"),
      authTokenSet: await set("twilio_auth_token"),
    },
  };
}
