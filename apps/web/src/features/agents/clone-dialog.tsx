"use client";

import { TextInput } from "~/ui/inputs";
import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { issuesFromApiError } from "./issues";
import { isValidAgentId } from "./new-agent";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import dialogStyles from "~/ui/dialog.module.css";
import { DialogActions } from "~/ui/dialog-actions";
import { Dialog } from "~/ui/dialog";
import styles from "./agents.module.css";
import { LabelledField } from "./fields";

/** Asks the copy's id and clones the agent (`agents.clone`); the copy is new and active. */
export function CloneDialog({
  agent,
  suggestedId,
  onClose,
  onCloned,
}: {
  agent: { agentId: string; name: string } | null;
  suggestedId: string;
  onClose: () => void;
  onCloned: (newAgentId: string) => void;
}) {
  const t = useT("agents");
  const common = useT("common");
  const { sessionLost } = useSession();
  const [newId, setNewId] = useState(suggestedId);
  const clone = trpc.agents.clone.useMutation();
  const idProblem = newId !== "" && !isValidAgentId(newId) ? t.clone.idHint : null;
  const serverProblem = clone.error
    ? (issuesFromApiError(clone.error)
        ?.map((issue) => issue.message)
        .join("; ") ?? clone.error.message)
    : null;

  return (
    <Dialog
      open={agent !== null}
      title={agent ? t.clone.title(agent.name) : ""}
      onClose={onClose}
      testId="clone-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!agent || !isValidAgentId(newId)) return;
          clone.mutate(
            { agentId: agent.agentId, newAgentId: newId },
            {
              onSuccess: (result) => onCloned(result.agent.agentId),
              onError: (error) => {
                if (isUnauthorized(error)) sessionLost();
              },
            },
          );
        }}
      >
        <p className="muted">{t.clone.note}</p>
        <LabelledField id="clone-new-id" label={t.clone.newId}>
          <TextInput
            className={styles.control}
            id="clone-new-id"
            type="text"
            value={newId}
            autoFocus
            aria-invalid={idProblem !== null || serverProblem !== null}
            aria-describedby="clone-id-hint"
            data-testid="clone-new-id"
            onChange={(event) => setNewId(event.target.value.trim())}
          />
          <p id="clone-id-hint" className={idProblem ? styles.fieldError : styles.hint}>
            {t.clone.idHint}
          </p>
        </LabelledField>
        {serverProblem && (
          <p className={dialogStyles.error} role="alert" data-testid="clone-error">
            {serverProblem}
          </p>
        )}
        <DialogActions
          label={clone.isPending ? common.actions.saving : t.clone.confirm}
          onCancel={onClose}
          busy={clone.isPending}
          disabled={!isValidAgentId(newId)}
          testId="clone-confirm"
        />
      </form>
    </Dialog>
  );
}
