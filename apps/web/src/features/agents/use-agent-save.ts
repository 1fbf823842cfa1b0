"use client";

import { useState } from "react";
import { errorCode, isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import type { AgentDetails } from "./agent-types";
import { readCreatedWarnings } from "./created-notes";
import { refusedSave } from "./issues";
import { createMergePatch } from "./merge-patch";
import type { useAgentDraft } from "./use-agent-draft";

/**
 * Saving an existing agent: the draft's changes as a merge patch at the version it was read at; a
 * colleague's newer version is a conflict to reload, the API's refusal goes onto the fields, and its
 * warnings (or the ones kept from creating the agent) are shown until the next save.
 */
export function useAgentSave(
  agent: AgentDetails,
  draft: ReturnType<typeof useAgentDraft>,
  created: boolean,
  reload: () => Promise<AgentDetails | undefined>,
) {
  const t = useT("agents");
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>(() =>
    created ? readCreatedWarnings(sessionStorage, agent.agentId) : [],
  );
  const [savedOnce, setSavedOnce] = useState(false);
  const update = trpc.agents.update.useMutation();

  const save = () => {
    setProblem(null);
    setSavedOnce(false);
    update.mutate(
      {
        agentId: agent.agentId,
        config: createMergePatch(draft.state.saved, draft.state.draft),
        expectedVersion: draft.state.version ?? undefined,
      },
      {
        onSuccess: (result) => {
          draft.load(result.agent.config, result.agent.version);
          setWarnings(result.warnings.map((warning) => warning.message));
          setSavedOnce(true);
          void utils.agents.list.invalidate();
          void utils.agents.cards.invalidate();
        },
        onError: (error) => {
          if (isUnauthorized(error)) return sessionLost();
          if (errorCode(error) === "CONFLICT") return setConflict(true);
          setProblem(refusedSave(error, draft.setServerIssues, t.editor.serverRefused));
        },
      },
    );
  };

  const reloadSaved = async () => {
    const fresh = await reload();
    if (!fresh) return;
    draft.load(fresh.config, fresh.version);
    setConflict(false);
    setProblem(null);
  };

  return {
    save,
    saving: update.isPending,
    conflict,
    problem,
    warnings,
    savedOnce,
    reloadSaved,
  };
}

export type AgentSave = ReturnType<typeof useAgentSave>;
