"use client";

import { MAX_LABELS_PER_ITEM } from "@agents-crm/config/contacts";
import { errorMessage, isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import type { ConversationRow } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import conversation from "~/features/conversation/conversation.module.css";
import { LabelEditor } from "./label-editor";

/** The conversation's labels in its side column, saved as each one is added or removed. */
export function ConversationLabels({
  row,
  onChanged,
}: {
  row: ConversationRow;
  onChanged: (row: ConversationRow) => void;
}) {
  const t = useT("contacts").labels;
  const { sessionLost } = useSession();
  const setLabels = trpc.conversations.setLabels.useMutation({
    onSuccess: onChanged,
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const labels =
    setLabels.isPending && setLabels.variables ? setLabels.variables.labels : (row.labels ?? []);
  return (
    <section className={conversation.card} aria-labelledby="conversation-labels-title">
      <h2 id="conversation-labels-title">{t.label}</h2>
      <LabelEditor
        labels={labels}
        max={MAX_LABELS_PER_ITEM}
        busy={setLabels.isPending}
        error={setLabels.error ? errorMessage(setLabels.error, t.saveFailed) : null}
        onChange={(next) => setLabels.mutate({ conversationId: row.conversationId, labels: next })}
        testId="conversation-labels"
      />
    </section>
  );
}
