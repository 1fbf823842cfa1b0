"use client";

import { Button } from "~/ui/button";
import { useId } from "react";
import type { Binding } from "./types";
import { useT } from "~/i18n/i18n-provider";
import styles from "./channels.module.css";

/**
 * Which secrets this binding's webhooks are missing (the API says which; it never sends values), what
 * each needs, and what happens to the platform's deliveries meanwhile.
 */
export function BindingSecrets({
  secrets,
  onAddAppSecret,
}: {
  secrets: Binding["webhookSecrets"];
  onAddAppSecret: () => void;
}) {
  const t = useT("channels");
  const titleId = useId();
  if (!secrets || secrets.missing.length === 0) return null;
  const needsAppSecret = secrets.missing.some((m) => m.secret === "app_secret");
  return (
    <div
      className={styles.secrets}
      role="note"
      aria-labelledby={titleId}
      data-testid="binding-secrets"
      data-deliveries={secrets.deliveries}
    >
      <strong id={titleId}>{t.secrets.title}</strong>
      <ul>
        {secrets.missing.map(({ secret, variable }) => (
          <li key={secret} data-testid={`missing-${secret}`}>
            {t.secrets.missing[secret](variable)}
          </li>
        ))}
      </ul>
      <p data-testid="binding-deliveries">{t.secrets.deliveries[secrets.deliveries]}</p>
      {needsAppSecret && (
        <div className={styles.actions}>
          <Button onClick={onAddAppSecret} data-testid="binding-add-app-secret">
            {t.secrets.addAppSecret}
          </Button>
        </div>
      )}
    </div>
  );
}
