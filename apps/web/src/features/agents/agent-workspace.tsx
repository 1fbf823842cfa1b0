"use client";

import { Button } from "~/ui/button";
import Link from "next/link";
import { errorCode, isUnauthorized } from "~/features/console/api-error";
import type { AgentTab } from "./agent-tab";
import { plural } from "~/i18n/plural";
import { trpc } from "~/lib/trpc";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { AgentChannels } from "~/features/channels/agent-channels";
import { ModelProblems } from "~/features/model-problems/model-problems";
import { AgentPlayground } from "~/features/playground/agent-playground";
import { KnowledgeGapsPanel } from "~/features/knowledge-gaps/knowledge-gaps-panel";
import { KnowledgeLibraryPanel } from "~/features/knowledge-library/knowledge-library-panel";
import { useSession } from "~/features/console/session-context";
import { AgentTabs, useAgentTabs } from "./agent-tabs";
import { AgentWizard } from "./agent-wizard";
import type { AgentDetails } from "./agent-types";
import { useAgentDraft, useLeaveGuard } from "./use-agent-draft";
import { useAgentSave, type AgentSave } from "./use-agent-save";
import { useAddToKnowledge } from "./use-add-to-knowledge";
import admin from "~/ui/admin-page.module.css";
import styles from "./agents.module.css";

/** `/admin/agents/[agentId]`: settings, channels, playground and knowledge gaps of one agent. */
export function AgentWorkspace({
  agentId,
  initialTab,
  created,
}: {
  agentId: string;
  initialTab: AgentTab;
  created: boolean;
}) {
  const t = useT("agents");
  const { sessionLost } = useSession();
  // Loaded once: a background refetch must never replace the draft being edited.
  const query = trpc.agents.byId.useQuery(
    { agentId },
    { refetchOnWindowFocus: false, refetchOnReconnect: false, retry: false, staleTime: Infinity },
  );
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        {t.editor.loading}
      </p>
    );
  }
  if (query.isError) {
    if (isUnauthorized(query.error)) sessionLost();
    const missing =
      errorCode(query.error) === "NOT_FOUND" || errorCode(query.error) === "BAD_REQUEST";
    return (
      <section className={styles.page}>
        <Link href="/admin/agents" className={styles.back}>
          ← {t.editor.backToList}
        </Link>
        <p className={admin.error} role="alert" data-testid="agent-load-error">
          {missing ? t.editor.notFound : `${t.editor.loadError} ${query.error.message}`}
        </p>
      </section>
    );
  }
  return (
    <LoadedAgent
      key={agentId}
      agent={query.data}
      initialTab={initialTab}
      created={created}
      reload={async () => (await query.refetch()).data}
    />
  );
}

function LoadedAgent({
  agent,
  initialTab,
  created,
  reload,
}: {
  agent: AgentDetails;
  initialTab: AgentTab;
  created: boolean;
  reload: () => Promise<AgentDetails | undefined>;
}) {
  const t = useT("agents");
  const { locale } = useLocale();
  const draft = useAgentDraft(agent.config, agent.version);
  const saving = useAgentSave(agent, draft, created, reload);
  useLeaveGuard(draft.dirty, t.editor.leaveConfirm);
  const tabs = useAgentTabs(initialTab);
  const adding = useAddToKnowledge(draft, () => tabs.open("settings"));

  const name = agent.card.displayName;
  return (
    <section className={styles.page} aria-labelledby="agent-title">
      <Link href="/admin/agents" className={styles.back}>
        ← {t.editor.backToList}
      </Link>
      <div className={styles.agentTitle}>
        <h1 id="agent-title">{t.editor.editTitle(name)}</h1>
        <code className="muted">{agent.agentId}</code>
        <span className={styles.badge} data-active={agent.isActive}>
          {agent.isActive ? t.list.active : t.list.inactive}
        </span>
      </div>
      <p className="muted" data-testid="agent-knowledge">
        {agent.knowledge.ragEnabled
          ? t.editor.knowledgeIndex(
              plural(locale, agent.knowledge.chunks, t.editor.passages),
              plural(locale, agent.knowledge.sources, t.editor.documents),
            )
          : t.editor.knowledgeOff}
      </p>
      {!agent.isActive && <p className={styles.notice}>{t.editor.inactive}</p>}
      <ModelProblems model={modelOf(agent.config)} />
      {created && (
        <p className={styles.ok} role="status" data-testid="agent-created">
          {t.editor.created}
        </p>
      )}
      {agent.issues.length > 0 && !saving.savedOnce && (
        <p className={styles.notice}>{t.editor.storedIssues}</p>
      )}
      <AgentTabs
        initial={initialTab}
        state={tabs}
        panels={{
          settings: (
            <AgentWizard
              key={adding.opening?.key}
              opening={adding.opening}
              mode="edit"
              draft={draft}
              onSave={saving.save}
              saving={saving.saving}
              saveBar={<SaveBar draft={draft} saving={saving} />}
            />
          ),
          // Only owners and admins open an agent's page, and they may change its library.
          library: <KnowledgeLibraryPanel agentId={agent.agentId} canEdit />,
          channels: <AgentChannels agentId={agent.agentId} />,
          playground: <AgentPlayground config={draft.state.draft} agentId={agent.agentId} />,
          gaps: <KnowledgeGapsPanel agentId={agent.agentId} onAddToKnowledge={adding.add} />,
        }}
      />
    </section>
  );
}

/** Beside Save: whether there are changes (and Discard), saved, a conflict to reload, the refusal, the warnings. */
function SaveBar({
  draft,
  saving,
}: {
  draft: ReturnType<typeof useAgentDraft>;
  saving: AgentSave;
}) {
  const t = useT("agents");
  return (
    <>
      <span className="muted" data-testid="dirty-state">
        {draft.dirty ? t.editor.unsaved : t.editor.noChanges}
      </span>
      {draft.dirty && (
        <Button
          variant="link"
          onClick={() => {
            if (window.confirm(t.editor.discardConfirm)) {
              draft.load(draft.state.saved, draft.state.version);
            }
          }}
        >
          {t.editor.discard}
        </Button>
      )}
      {saving.savedOnce && !draft.dirty && (
        <span className={styles.okText} role="status" data-testid="agent-saved">
          {t.editor.saved}
        </span>
      )}
      {saving.conflict && (
        <div
          className={`${admin.error} ${styles.conflict}`}
          role="alert"
          data-testid="save-conflict"
        >
          <p>{t.editor.conflict}</p>
          <Button onClick={() => void saving.reloadSaved()}>{t.editor.reload}</Button>
        </div>
      )}
      {saving.problem && (
        <p className={styles.fieldError} role="alert" data-testid="save-error">
          {saving.problem}
        </p>
      )}
      {saving.warnings.length > 0 && (
        <div className={styles.warnings} data-testid="save-warnings">
          <p>{t.editor.saveWarnings}</p>
          <ul>
            {saving.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** The model the stored document names (none: the server's default, so every problem concerns it). */
function modelOf(config: unknown): string | undefined {
  const llm = (config as { llm?: { model?: unknown } } | null)?.llm;
  return typeof llm?.model === "string" ? llm.model : undefined;
}
