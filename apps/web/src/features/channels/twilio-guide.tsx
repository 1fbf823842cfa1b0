"use client";

import { TWILIO_WEBHOOK_PATHS } from "@agents-crm/config/twilio";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { useBrowserValue } from "~/ui/use-browser-value";
import styles from "./channels.module.css";
import { CopyButton } from "./webhook-box";
import { isPublicHttps } from "./webhook-urls";

/** Twilio's "A message comes in" address for this deployment; status callbacks are sent per message. */
export function TwilioWebhookBox() {
  const t = useT("channels").twilio;
  const setup = trpc.bindings.webhookSetup.useQuery(undefined, { staleTime: 5 * 60_000 });
  const origin = useBrowserValue<string | null>(() => window.location.origin, null);
  const base = setup.data?.appUrl ?? origin;
  if (!base) return null;
  const url = `${base.replace(/\/+$/, "")}${TWILIO_WEBHOOK_PATHS.messages}`;
  return (
    <div className={styles.webhook} data-testid="webhook-twilio">
      <strong>{t.webhookTitle}</strong>
      <div className={styles.copyRow}>
        <span>{t.webhookUrl}:</span>
        <code data-testid="webhook-url">{url}</code>
        <CopyButton text={url} />
      </div>
      <p className={styles.hint}>{t.statusCallbacks}</p>
      {!isPublicHttps(base) && <p className={styles.hint}>{t.notHttps}</p>}
    </div>
  );
}

/** Where each Twilio value is found, then where to point the sender's webhook. */
export function TwilioGuide() {
  const t = useT("channels").twilio;
  return (
    <>
      <ol className={styles.steps} data-testid="guide-twilio">
        {Object.values(t.steps).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <TwilioWebhookBox />
    </>
  );
}
