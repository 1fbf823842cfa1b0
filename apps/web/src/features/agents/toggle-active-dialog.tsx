"use client";

import { isUnauthorized } from "~/features/console/api-error";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { useSession } from "~/features/console/session-context";
import type { AgentRow } from "./agent-types";

/** Deactivate (`agents.delete`, reversible) or activate an agent, after a confirmation. */
export function ToggleActiveDialog({
  agent,
  onClose,
  onDone,
}: {
  agent: AgentRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT("agents");
  const { sessionLost } = useSession();
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) sessionLost();
  };
  const deactivate = trpc.agents.delete.useMutation({ onSuccess: onDone, onError });
  const activate = trpc.agents.activate.useMutation({ onSuccess: onDone, onError });
  const mutation = agent.isActive ? deactivate : activate;
  const texts = agent.isActive ? t.deactivate : t.activate;
  const name = agent.card.displayName;
  return (
    <ConfirmDialog
      open
      title={texts.title(name)}
      confirmLabel={texts.confirm}
      busy={mutation.isPending}
      error={mutation.error?.message ?? null}
      onCancel={onClose}
      onConfirm={() => mutation.mutate({ agentId: agent.agentId })}
    >
      {texts.body}
    </ConfirmDialog>
  );
}
