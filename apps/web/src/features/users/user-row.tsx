"use client";

import { assignableRoles, userActions, type StaffUser } from "./user-rules";
import type { StaffRole } from "~/features/console/types";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { Badge } from "~/ui/badge";
import { Button } from "~/ui/button";
import { Select } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { ResetPasswordButton } from "./reset-password-button";
import styles from "./users.module.css";

export interface RowNote {
  kind: "error" | "saved";
  text: string;
}

/** One account: its role select and state buttons, locked (with the reason) where the API would refuse. */
export function UserRow({
  user,
  busy,
  note,
  onRole,
  onReactivate,
  onDeactivate,
  onDelete,
}: {
  user: StaffUser;
  busy: boolean;
  note: RowNote | null;
  onRole: (role: StaffRole) => void;
  onReactivate: () => void;
  onDeactivate: () => void;
  onDelete: () => void;
}) {
  const t = useT("users");
  const common = useT("common");
  const { locale } = useLocale();
  const me = useSession().user;
  const allowed = userActions(me, user);
  const assignable = assignableRoles(me.role);
  const roles: StaffRole[] =
    allowed.changeRole === null
      ? assignable.includes(user.role)
        ? assignable
        : [...assignable, user.role]
      : [user.role];

  return (
    <tr data-testid="user-row" data-email={user.email} data-active={String(user.isActive)}>
      <td>
        <strong>{user.name}</strong>
        {me.userId === user.userId && <span className="muted"> ({t.you})</span>}
      </td>
      <td>{user.email}</td>
      <td>
        <Select
          size="sm"
          value={user.role}
          disabled={allowed.changeRole !== null || busy}
          title={allowed.changeRole ? t.locked[allowed.changeRole] : undefined}
          aria-label={t.roleLabel(user.name)}
          onChange={(e) => {
            const role = roles.find((r) => r === e.target.value);
            if (role && role !== user.role) onRole(role);
          }}
          data-testid="user-role"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {common.roles[role]}
            </option>
          ))}
        </Select>
      </td>
      <td>
        <Badge tone={user.isActive ? "accent" : "neutral"}>
          {user.isActive ? t.active : t.inactive}
        </Badge>
      </td>
      <td>{user.lastLoginAt ? formatDateTime(locale, user.lastLoginAt) : t.never}</td>
      <td>
        <div className={styles.actions}>
          {user.isActive ? (
            <Button
              disabled={allowed.deactivate !== null || busy}
              title={allowed.deactivate ? t.locked[allowed.deactivate] : undefined}
              onClick={onDeactivate}
              data-testid="user-deactivate"
            >
              {t.deactivate}
            </Button>
          ) : (
            <Button
              disabled={allowed.deactivate !== null || busy}
              onClick={onReactivate}
              data-testid="user-reactivate"
            >
              {t.reactivate}
            </Button>
          )}
          <ResetPasswordButton user={user} locked={allowed.resetPassword} />
          <Button
            variant="danger"
            disabled={allowed.remove !== null || busy}
            title={allowed.remove ? t.locked[allowed.remove] : undefined}
            onClick={onDelete}
            data-testid="user-delete"
          >
            {t.remove}
          </Button>
        </div>
        {note && (
          <Notice
            look="text"
            tone={note.kind === "error" ? "danger" : "success"}
            className={styles.rowError}
            role={note.kind === "error" ? "alert" : "status"}
            data-testid={note.kind === "error" ? "user-error" : "user-saved"}
          >
            {note.text}
          </Notice>
        )}
      </td>
    </tr>
  );
}
