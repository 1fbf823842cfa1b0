"use client";

import { WHATSAPP_PROVIDERS, type WhatsAppProvider } from "@agents-crm/config/twilio";
import { useT } from "~/i18n/i18n-provider";
import { FieldGroup } from "~/ui/field";
import styles from "./channels.module.css";

/**
 * Meta's Cloud API or Twilio for a WhatsApp number: a radio group, so Tab reaches it once and the
 * arrow keys switch between the two.
 */
export function ProviderChoice({
  value,
  onChange,
}: {
  value: WhatsAppProvider;
  onChange: (provider: WhatsAppProvider) => void;
}) {
  const t = useT("channels").provider;
  return (
    <FieldGroup legend={t.legend} hint={t.hint[value]} className={styles.providers}>
      <div className={styles.providerOptions} data-testid="binding-provider">
        {WHATSAPP_PROVIDERS.map((provider) => (
          <label key={provider} className={styles.provider}>
            <input
              type="radio"
              name="whatsapp-provider"
              value={provider}
              checked={value === provider}
              onChange={() => onChange(provider)}
              data-testid={`binding-provider-${provider}`}
            />
            <span>{t.names[provider]}</span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
