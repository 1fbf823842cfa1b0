"use client";

import { useEffect, useState } from "react";
import type { BoundChannel } from "../../../lib/admin/channels/types";
import {
  isPublicHttps,
  VERIFY_TOKEN_VARIABLE,
  webhookUrl,
} from "../../../lib/admin/channels/webhook-urls";
import { useT } from "../../i18n/i18n-provider";
import styles from "./channels.module.css";

/** Meta's callback URL for this deployment and where its verify token comes from. */
export function WebhookBox({ channel }: { channel: Exclude<BoundChannel, "telegram"> }) {
  const t = useT("channels");
  // The origin is the browser's: unknown during server rendering.
  const [origin, setOrigin] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  if (!origin) return null;
  const url = webhookUrl(channel, origin);
  const copy = () => {
    void navigator.clipboard?.writeText(url).then(() => setCopied(true));
  };
  return (
    <div className={styles.webhook} data-testid={`webhook-${channel}`}>
      <strong>{t.webhook.title}</strong>
      <div className={styles.copyRow}>
        <span>{t.webhook.url}:</span>
        <code data-testid="webhook-url">{url}</code>
        <button type="button" className={styles.copy} onClick={copy}>
          {copied ? t.webhook.copied : t.webhook.copy}
        </button>
      </div>
      <div>
        {t.webhook.verifyToken}: {t.webhook.verifyTokenValue(VERIFY_TOKEN_VARIABLE[channel])}
      </div>
      {!isPublicHttps(origin) && <p className={styles.hint}>{t.webhook.notHttps}</p>}
    </div>
  );
}
