"use client";

import { Button } from "~/ui/button";
import { useState } from "react";
import { useBrowserValue } from "~/ui/use-browser-value";
import type { BoundChannel } from "./types";
import {
  APP_SECRET_VARIABLE,
  isPublicHttps,
  VERIFY_TOKEN_VARIABLE,
  webhookUrl,
} from "./webhook-urls";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import styles from "./channels.module.css";

export function CopyButton({ text }: { text: string }) {
  const t = useT("channels");
  const [copied, setCopied] = useState(false);
  return (
    <Button onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}>
      {copied ? t.webhook.copied : t.webhook.copy}
    </Button>
  );
}

/**
 * Meta's callback URL for this deployment and where its verify token comes from. The API's APP_URL wins (it is where
 * Telegram is pointed too); without it the browser's own origin is the best guess.
 */
export function WebhookBox({ channel }: { channel: Exclude<BoundChannel, "telegram"> }) {
  const t = useT("channels");
  const setup = trpc.bindings.webhookSetup.useQuery(undefined, { staleTime: 5 * 60_000 });
  // The origin is the browser's: unknown during server rendering.
  const origin = useBrowserValue<string | null>(() => window.location.origin, null);
  const base = setup.data?.appUrl ?? origin;
  if (!base) return null;
  const url = webhookUrl(channel, base);
  const meta = setup.data?.[channel];
  return (
    <div className={styles.webhook} data-testid={`webhook-${channel}`}>
      <strong>{t.webhook.title}</strong>
      <div className={styles.copyRow}>
        <span>{t.webhook.url}:</span>
        <code data-testid="webhook-url">{url}</code>
        <CopyButton text={url} />
      </div>
      {setup.data?.appUrl && <p className={styles.hint}>{t.webhook.fromAppUrl}</p>}
      {meta && (
        <div className={styles.copyRow}>
          <span>{t.webhook.verifyToken}:</span>
          <span data-testid="webhook-verify-token">
            {meta.verifyTokenSet
              ? t.webhook.verifyTokenValue(VERIFY_TOKEN_VARIABLE[channel])
              : t.webhook.verifyTokenMissing(VERIFY_TOKEN_VARIABLE[channel])}
          </span>
        </div>
      )}
      {meta && !meta.appSecretSet && (
        <p className={styles.hint} role="alert">
          {t.webhook.appSecretMissing(APP_SECRET_VARIABLE[channel])}
        </p>
      )}
      {!isPublicHttps(base) && <p className={styles.hint}>{t.webhook.notHttps}</p>}
    </div>
  );
}
