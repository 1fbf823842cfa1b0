"use client";

import { ROLE_LABELS } from "../../lib/admin/navigation";
import { AlertsToggle } from "./alerts-toggle";
import { LiveStatus } from "./live-status";
import { LogoutButton } from "./logout-button";
import { useSession } from "./session-context";
import styles from "./admin-shell.module.css";

export function AdminHeader() {
  const { user } = useSession();
  return (
    <header className={styles.header}>
      <LiveStatus />
      <div className={styles.headerEnd}>
        <AlertsToggle />
        <span className={styles.user} data-testid="signed-in-user">
          <span className={styles.userName}>{user.name}</span>
          <span className={styles.role} data-testid="signed-in-role">
            {ROLE_LABELS[user.role]}
          </span>
        </span>
        <LogoutButton />
      </div>
    </header>
  );
}
