"use client";

import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import type { ConversationRow } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Select } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { useAssignees } from "./use-assignees";
import styles from "./assignment.module.css";

const NOBODY = "";

/**
 * Who handles the conversation: a native select of the active staff (keyboard and screen readers work
 * as everywhere), "Nobody" unassigns. `fallbackName` keeps a deactivated assignee readable.
 */
export function AssignControl({
  conversation,
  fallbackName,
  onChanged,
}: {
  conversation: ConversationRow;
  fallbackName: string | null;
  onChanged: (row: ConversationRow) => void;
}) {
  const t = useT("assignment");
  const { user, sessionLost } = useSession();
  const { people, byId } = useAssignees();
  const assign = trpc.conversations.assign.useMutation({
    onSuccess: onChanged,
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const current = conversation.assigneeId ?? NOBODY;
  // While it saves, the select shows the choice and stays enabled: a disabled select drops focus to the
  // page, so the rest of a name typed into it ("Rita") reached the page's shortcuts (`t` took it over).
  const shown = assign.isPending ? (assign.variables.userId ?? NOBODY) : current;
  const listed = current === NOBODY || byId.has(current);
  return (
    <section className={styles.control} aria-labelledby="assignee-title">
      <h2 id="assignee-title">{t.control.title}</h2>
      <Select
        aria-labelledby="assignee-title"
        value={shown}
        aria-busy={assign.isPending}
        onChange={(event) =>
          assign.mutate({
            conversationId: conversation.conversationId,
            userId: event.target.value === NOBODY ? null : event.target.value,
          })
        }
        data-testid="assignee-select"
      >
        <option value={NOBODY}>{t.control.nobody}</option>
        {!listed && <option value={current}>{fallbackName ?? t.formerStaff}</option>}
        {people.map((person) => (
          <option key={person.userId} value={person.userId}>
            {person.userId === user.userId ? t.control.you(person.name) : person.name}
          </option>
        ))}
      </Select>
      {assign.error && !isUnauthorized(assign.error) && (
        <Notice tone="danger">{t.control.failed(assign.error.message)}</Notice>
      )}
    </section>
  );
}
