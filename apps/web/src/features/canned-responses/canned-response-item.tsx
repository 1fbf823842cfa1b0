"use client";

import { useT } from "~/i18n/i18n-provider";
import { Badge } from "~/ui/badge";
import { Button } from "~/ui/button";
import admin from "~/ui/admin-page.module.css";
import styles from "~/features/users/users.module.css";
import list from "./canned-responses.module.css";
import type { CannedResponseRow } from "./types";

/** One response: its shortcut, scope, text and how often it was used; edit/delete for managers. */
export function CannedResponseItem({
  response,
  agentName,
  canManage,
  onEdit,
  onDelete,
}: {
  response: CannedResponseRow;
  agentName: string | null;
  canManage: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useT("cannedResponses");
  return (
    <li
      className={admin.panel}
      data-testid="canned-item"
      data-shortcut={response.shortcut}
      data-uses={response.useCount}
    >
      <div className={admin.header}>
        <h2 className={list.shortcut}>
          <code>/{response.shortcut}</code>
        </h2>
        <Badge tone="neutral">{t.item.uses(response.useCount)}</Badge>
      </div>
      <p className={list.content}>{response.content}</p>
      <p className="muted">
        {agentName ?? t.item.allAgents} ·{" "}
        {response.language ? t.languages[response.language] : t.item.allLanguages}
      </p>
      {canManage && (
        <div className={styles.actions}>
          <Button onClick={onEdit} data-testid="canned-edit">
            {t.item.edit}
          </Button>
          <Button variant="danger" onClick={onDelete} data-testid="canned-delete">
            {t.item.remove}
          </Button>
        </div>
      )}
    </li>
  );
}
