"use client";

import { useState } from "react";
import { errorMessage } from "~/features/console/api-error";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { Notice } from "~/ui/notice";
import admin from "~/ui/admin-page.module.css";
import { contactDisplayName } from "./contact-name";
import type { ContactSummary, ContactView } from "./types";
import styles from "./contacts.module.css";

const sharedKind = (value: string) => (value.includes("@") ? "email" : "phone");

interface Suggestion {
  /** The other contact; `shared` holds the phones and e-mails both have. */
  other: ContactSummary;
  shared: readonly string[];
}

/**
 * "Possibly the same person": contacts sharing a phone or an e-mail with this one. Merging keeps this
 * contact (the page stays) and folds the other in; the undo stays offered until the page is left.
 */
export function MergeSuggestions({
  contact,
  onChanged,
}: {
  contact: ContactView;
  onChanged: () => void;
}) {
  const t = useT("contacts");
  const suggestions = trpc.contacts.mergeSuggestions.useQuery({ contactId: contact.contactId });
  const [merging, setMerging] = useState<Suggestion | null>(null);
  const [lastMerge, setLastMerge] = useState<{ mergeId: string; name: string } | null>(null);
  const [undone, setUndone] = useState(false);
  const merge = trpc.contacts.merge.useMutation({
    onSuccess: (result, input) => {
      const source = merging?.other;
      setLastMerge({
        mergeId: result.mergeId,
        name: source ? contactDisplayName(source, t.fallback) : input.sourceId,
      });
      setUndone(false);
      setMerging(null);
      onChanged();
      void suggestions.refetch();
    },
  });
  const unmerge = trpc.contacts.unmerge.useMutation({
    onSuccess: () => {
      setLastMerge(null);
      setUndone(true);
      onChanged();
      void suggestions.refetch();
    },
  });

  const items: readonly Suggestion[] = suggestions.data ?? [];
  const targetName = contactDisplayName(contact, t.fallback);
  if (items.length === 0 && !lastMerge && !undone) return null;
  return (
    <section className={admin.panel} aria-labelledby="merge-title" data-testid="merge-suggestions">
      <h2 id="merge-title">{t.merge.title}</h2>
      {lastMerge && (
        <Notice tone="success" role="status" data-testid="merge-done">
          {t.merge.merged(lastMerge.name)}{" "}
          <Button
            size="sm"
            onClick={() => unmerge.mutate({ mergeId: lastMerge.mergeId })}
            disabled={unmerge.isPending}
            data-testid="merge-undo"
          >
            {t.merge.undo}
          </Button>
        </Notice>
      )}
      {undone && (
        <Notice tone="info" role="status" data-testid="merge-undone">
          {t.merge.undone}
        </Notice>
      )}
      {unmerge.error && (
        <Notice tone="danger" look="text" role="alert">
          {errorMessage(unmerge.error, t.merge.undoFailed)}
        </Notice>
      )}
      {items.map((item) => {
        const name = contactDisplayName(item.other, t.fallback);
        return (
          <div
            key={item.other.contactId}
            className={styles.suggestion}
            data-testid="merge-suggestion"
            data-contact-id={item.other.contactId}
          >
            <div>
              <strong>{name}</strong>
              <div className={styles.meta}>
                {item.shared
                  .map((value) => `${t.merge.because(t.merge[sharedKind(value)])}: ${value}`)
                  .join(" · ")}
              </div>
            </div>
            <Button
              onClick={() => {
                merge.reset();
                setMerging(item);
              }}
              data-testid="merge-open"
            >
              {t.merge.action}
            </Button>
          </div>
        );
      })}
      <ConfirmDialog
        open={merging !== null}
        title={t.merge.dialogTitle}
        confirmLabel={t.merge.confirm}
        busy={merge.isPending}
        error={merge.error ? errorMessage(merge.error, t.merge.failed) : null}
        onCancel={() => setMerging(null)}
        onConfirm={() =>
          merging &&
          merge.mutate({ targetId: contact.contactId, sourceId: merging.other.contactId })
        }
      >
        {merging
          ? t.merge.dialogBody(targetName, contactDisplayName(merging.other, t.fallback))
          : ""}
      </ConfirmDialog>
    </section>
  );
}
