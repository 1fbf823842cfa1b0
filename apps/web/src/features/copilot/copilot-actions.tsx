"use client";

import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { copilotErrorText } from "./copilot-notice";
import { useCustomerLanguage } from "./customer-language-store";
import { languageName } from "./language-name";
import type { useSuggestReply } from "./use-suggest-reply";
import type { useTranslateDraft } from "./use-translate-draft";
import styles from "./copilot.module.css";

/**
 * The composer's copilot row: "Suggest a reply" (streamed into the draft; Stop while it streams) and
 * "Translate to <customer language>" (replaces the draft, with an undo), and what each did. Nothing
 * here sends: the staff member reads, edits and sends.
 */
export function CopilotActions({
  conversationId,
  draft,
  suggest,
  translation,
}: {
  conversationId: string;
  draft: string;
  suggest: ReturnType<typeof useSuggestReply>;
  translation: ReturnType<typeof useTranslateDraft>;
}) {
  const t = useT("copilot");
  const { locale } = useLocale();
  const health = trpc.system.health.useQuery(undefined, { staleTime: 60_000 });
  const offline = health.data?.model.offline ?? false;
  const customerTag = useCustomerLanguage(conversationId);
  const customer = (customerTag && languageName(customerTag, locale)) ?? t.customerLanguage;
  const { state } = suggest;
  const pending = translation.mutation.isPending;
  const hasDraft = draft.trim() !== "";

  return (
    <div className={styles.actions} data-testid="copilot-actions">
      {suggest.streaming ? (
        <Button size="sm" onClick={suggest.stop} data-testid="copilot-stop">
          {t.stop}
        </Button>
      ) : (
        <Button size="sm" onClick={suggest.start} disabled={pending} data-testid="copilot-suggest">
          {hasDraft ? t.improve : t.suggest}
        </Button>
      )}
      <Button
        size="sm"
        onClick={() => {
          if (!suggest.streaming) translation.translate();
        }}
        // Offline it stays usable and explains why there is no translation instead of doing nothing.
        aria-disabled={!hasDraft || pending || suggest.streaming}
        aria-describedby={offline ? "copilot-offline-hint" : undefined}
        data-testid="copilot-translate"
      >
        {pending ? t.translating : t.translateDraft(customer)}
      </Button>
      {offline && (
        <span id="copilot-offline-hint" className={styles.hint} data-testid="copilot-offline-hint">
          {t.offlineHint}
        </span>
      )}
      <CopilotStatus
        state={state}
        translation={translation}
        offline={offline}
        draft={draft}
        locale={locale}
      />
    </div>
  );
}

function CopilotStatus({
  state,
  translation,
  offline,
  draft,
  locale,
}: {
  state: ReturnType<typeof useSuggestReply>["state"];
  translation: ReturnType<typeof useTranslateDraft>;
  offline: boolean;
  draft: string;
  locale: string;
}) {
  const t = useT("copilot");
  if (translation.mutation.error) {
    return (
      <Notice tone="danger" look="text" role="alert" data-testid="copilot-notice">
        {t.translateFailed(copilotErrorText(translation.mutation.error, t, offline))}
      </Notice>
    );
  }
  if (translation.translated) {
    const language = languageName(translation.translated.language, locale) ?? t.customerLanguage;
    return (
      <span className={styles.notice}>
        <Notice tone="info" look="text" role="status" data-testid="copilot-notice">
          {t.translatedDraft(language)}
        </Notice>
        <Button size="sm" variant="link" onClick={translation.revert} data-testid="copilot-undo">
          {t.undo}
        </Button>
      </span>
    );
  }
  switch (state.phase) {
    case "streaming":
      return (
        <Notice tone="info" look="text" role="status" data-testid="copilot-notice">
          {state.offline ? t.suggestingOffline : t.suggesting}
        </Notice>
      );
    case "done":
      // Once the draft is sent (and the box empties) the note has nothing left to say.
      return draft.trim() === "" ? null : (
        <Notice tone="info" look="text" role="status" data-testid="copilot-notice">
          {state.offline ? t.suggestedOffline : t.suggested}
        </Notice>
      );
    case "stopped":
      return (
        <Notice tone="info" look="text" role="status" data-testid="copilot-notice">
          {t.stopped}
        </Notice>
      );
    case "failed":
      return (
        <Notice tone="danger" look="text" role="alert" data-testid="copilot-notice">
          {t.suggestFailed(copilotErrorText(state.error, t, offline))}
        </Notice>
      );
    case "idle":
      return null;
  }
}
