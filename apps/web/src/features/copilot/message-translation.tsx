"use client";

import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { copilotErrorText } from "./copilot-notice";
import { rememberCustomerLanguage } from "./customer-language-store";
import { languageName } from "./language-name";
import styles from "./copilot.module.css";

/**
 * "Translate" under a customer's message: its translation into the console's language, shown under the
 * original (asked for once, then shown or hidden). Nothing is stored; the customer sees nothing.
 */
export function MessageTranslation({
  conversationId,
  messageId,
}: {
  conversationId: string;
  messageId: string;
}) {
  const t = useT("copilot");
  const { locale } = useLocale();
  const { sessionLost } = useSession();
  const [shown, setShown] = useState(false);
  const health = trpc.system.health.useQuery(undefined, { staleTime: 60_000 });
  const mutation = trpc.conversations.translate.useMutation({
    onSuccess: (result) => rememberCustomerLanguage(conversationId, result.from),
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const result = mutation.data?.to === locale ? mutation.data : null;

  const toggle = () => {
    setShown(!shown);
    if (!shown && !result && !mutation.isPending) {
      mutation.mutate({ conversationId, messageId, to: locale });
    }
  };
  const from = result ? languageName(result.from, locale) : null;

  return (
    <div data-testid="message-translation">
      <div className={styles.messageActions}>
        <Button
          size="sm"
          variant="link"
          onClick={toggle}
          aria-expanded={shown}
          data-testid="translate-message"
        >
          {shown ? t.hideTranslation : mutation.isPending ? t.translating : t.translateMessage}
        </Button>
      </div>
      {shown && mutation.error && (
        <Notice tone="warning" look="text" role="alert" data-testid="translation-error">
          {t.translateFailed(
            copilotErrorText(mutation.error, t, health.data?.model.offline ?? false),
          )}
        </Notice>
      )}
      {shown && result && (
        <section
          className={styles.translation}
          aria-label={t.translationAria}
          lang={result.to}
          data-testid="translation"
        >
          <span className={styles.translationLabel}>
            {from ? t.translation(from) : t.translationAria}
          </span>
          <p className={styles.translationText}>{result.text}</p>
        </section>
      )}
    </div>
  );
}
