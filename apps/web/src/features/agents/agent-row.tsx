"use client";

import { Button } from "~/ui/button";
import Link from "next/link";
import { initialsOf } from "~/features/chat/initials";
import { useOfflineModel } from "~/features/console/use-offline-model";
import { useT } from "~/i18n/i18n-provider";
import type { AgentRow } from "./agent-types";
import styles from "./agents.module.css";

export function AgentRowItem({
  agent,
  onClone,
  onToggleActive,
}: {
  agent: AgentRow;
  onClone: () => void;
  onToggleActive: () => void;
}) {
  const t = useT("agents");
  const offline = useOfflineModel();
  const href = `/admin/agents/${encodeURIComponent(agent.agentId)}`;
  const name = agent.card.displayName;
  return (
    <li
      className={styles.agentRow}
      data-testid="agent-row"
      data-agent-id={agent.agentId}
      data-active={agent.isActive}
    >
      <span className={styles.avatar} aria-hidden>
        {initialsOf(name)}
      </span>
      <div className={styles.who}>
        <Link href={href} className={styles.name}>
          {name}
        </Link>
        <div className="muted">
          <code>{agent.agentId}</code>
          {agent.card.specialty && ` · ${agent.card.specialty}`}
        </div>
      </div>
      <div className={styles.meta}>
        <span className={styles.badge} data-active={agent.isActive}>
          {agent.isActive ? t.list.active : t.list.inactive}
        </span>
        {offline !== null && (
          <span className="muted" data-testid="agent-model" data-offline={offline}>
            {t.list.model(offline ? t.list.offlineModel : (agent.model ?? t.list.noModel))}
          </span>
        )}
      </div>
      <nav className={styles.rowActions} aria-label={t.list.actionsFor(name)}>
        <Link href={href} data-testid="agent-edit">
          {t.list.edit}
        </Link>
        <Link href={`${href}?tab=channels`}>{t.list.channels}</Link>
        <Link href={`${href}?tab=playground`}>{t.list.playground}</Link>
        <Button onClick={onClone} data-testid="agent-clone">
          {t.list.clone}
        </Button>
        <Button
          onClick={onToggleActive}
          data-testid={agent.isActive ? "agent-deactivate" : "agent-activate"}
        >
          {agent.isActive ? t.list.deactivate : t.list.activate}
        </Button>
      </nav>
    </li>
  );
}
