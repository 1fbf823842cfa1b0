import type { ServerEnv } from "@agents-crm/config/env";

export interface MetaWebhookSetup {
  /** What to type into Meta's "Verify token" field; null until the API has one. */
  verifyToken: string | null;
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
 * What a non-technical admin must paste into Meta's dashboard. The verify token is shown on purpose:
 * it only proves to Meta that the subscription is ours and is typed into Meta by the same admins;
 * the app secrets that sign deliveries are never returned, only whether they are set.
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
      verifyToken: env.INSTAGRAM_WEBHOOK_VERIFY_TOKEN ?? null,
      appSecretSet: Boolean(env.INSTAGRAM_APP_SECRET),
    },
    whatsapp: {
      verifyToken: env.WHATSAPP_VERIFY_TOKEN ?? null,
      appSecretSet: Boolean(env.WHATSAPP_APP_SECRET),
    },
  };
}
