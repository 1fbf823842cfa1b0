import type { ServerEnv } from "@agents-crm/config/env";

export interface MetaWebhookSetup {
  /** Whether the token Meta's "Verify token" field must match is configured (its value is never sent). */
  verifyTokenSet: boolean;
  /** Without the app secret every signed delivery is refused, so the console warns before Meta calls. */
  appSecretSet: boolean;
}

export interface WebhookSetup {
  /** The public address webhooks are registered at (Telegram's setWebhook uses it); null when unset. */
  appUrl: string | null;
  instagram: MetaWebhookSetup;
  whatsapp: MetaWebhookSetup;
}

/**
 * What the console's connection guide needs: the public address and whether Meta's settings exist.
 * Tokens and secrets stay on the server (design §4); the guide names the variables holding them.
 */
export function webhookSetup(
  env: Pick<
    ServerEnv,
    | "APP_URL"
    | "INSTAGRAM_WEBHOOK_VERIFY_TOKEN"
    | "INSTAGRAM_APP_SECRET"
    | "WHATSAPP_VERIFY_TOKEN"
    | "WHATSAPP_APP_SECRET"
  >,
): WebhookSetup {
  return {
    appUrl: env.APP_URL ?? null,
    instagram: {
      verifyTokenSet: Boolean(env.INSTAGRAM_WEBHOOK_VERIFY_TOKEN),
      appSecretSet: Boolean(env.INSTAGRAM_APP_SECRET),
    },
    whatsapp: {
      verifyTokenSet: Boolean(env.WHATSAPP_VERIFY_TOKEN),
      appSecretSet: Boolean(env.WHATSAPP_APP_SECRET),
    },
  };
}
