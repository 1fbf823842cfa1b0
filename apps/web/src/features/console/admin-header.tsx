"use client";

import Link from "next/link";
import { LanguageSwitcher } from "~/i18n/language-switcher";
import { useT } from "~/i18n/i18n-provider";
import { AlertsToggle } from "./alerts-toggle";
import { LiveStatus } from "./live-status";
import { LogoutButton } from "./logout-button";
import { useSession } from "./session-context";
import styles from "./admin-shell.module.css";

export function AdminHeader() {
  const { user } = useSession();
  const t = useT("common");
  return (
    <header className={styles.header} data-testid="admin-header">
      <LiveStatus />
      <div className={styles.headerEnd}>
        <LanguageSwitcher compact />
        <AlertsToggle />
        <Link
          href="/admin/profile"
          className={styles.user}
          title={t.console.profile}
          data-testid="signed-in-user"
        >
          <span className={styles.userName}>{user.name}</span>
          <span
            className={`${styles.role} ${styles.phoneWordsHidden}`}
            data-testid="signed-in-role"
          >
            {t.roles[user.role]}
          </span>
        </Link>
        <LogoutButton />
      </div>
    </header>
  );
}
