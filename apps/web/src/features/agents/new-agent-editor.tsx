"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorCode, isUnauthorized } from "~/features/console/api-error";
import { keepCreatedWarnings } from "./created-notes";
import { refusedSave } from "./issues";
import { newAgentDocument } from "./new-agent";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { AgentPlayground } from "~/features/playground/agent-playground";
import { useSession } from "~/features/console/session-context";
import { AgentTabs } from "./agent-tabs";
import { AgentWizard } from "./agent-wizard";
import { useAgentDraft, useLeaveGuard } from "./use-agent-draft";
import styles from "./agents.module.css";

/** `/admin/agents/new`: the wizard over a fresh document; the playground already talks to the draft. */
export function NewAgentEditor() {
  const t = useT("agents");
  const router = useRouter();
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const [initial] = useState(newAgentDocument);
  const draft = useAgentDraft(initial, null);
  const [problem, setProblem] = useState<string | null>(null);
  const create = trpc.agents.create.useMutation();
  useLeaveGuard(draft.dirty && !create.isSuccess, t.editor.leaveConfirm);

  const save = () => {
    const config = draft.state.draft;
    const agentId = typeof config.agent_id === "string" ? config.agent_id : "";
    setProblem(null);
    create.mutate(
      { agentId, config },
      {
        onSuccess: (result) => {
          draft.load(result.agent.config, result.agent.version);
          keepCreatedWarnings(
            sessionStorage,
            result.agent.agentId,
            result.warnings.map((warning) => warning.message),
          );
          void utils.agents.invalidate();
          router.push(`/admin/agents/${encodeURIComponent(result.agent.agentId)}?created=1`);
        },
        onError: (error) => {
          if (isUnauthorized(error)) return sessionLost();
          if (errorCode(error) === "CONFLICT") {
            draft.setServerIssues([{ path: ["agent_id"], message: t.editor.idTaken(agentId) }]);
            setProblem(t.editor.idTaken(agentId));
            return;
          }
          setProblem(refusedSave(error, draft.setServerIssues, t.editor.serverRefused));
        },
      },
    );
  };

  return (
    <section className={styles.page} aria-labelledby="agent-title">
      <Link href="/admin/agents" className={styles.back}>
        ← {t.editor.backToList}
      </Link>
      <h1 id="agent-title">{t.editor.newTitle}</h1>
      <AgentTabs
        initial="settings"
        panels={{
          settings: (
            <AgentWizard
              mode="new"
              draft={draft}
              onSave={save}
              saving={create.isPending}
              saveBar={
                problem && (
                  <p className={styles.fieldError} role="alert" data-testid="save-error">
                    {problem}
                  </p>
                )
              }
            />
          ),
          playground: <AgentPlayground config={draft.state.draft} />,
        }}
      />
    </section>
  );
}
