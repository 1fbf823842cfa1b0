"use client";

import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n-provider";
import { AdminHeader } from "./admin-header";
import { AdminSidebar } from "./admin-sidebar";
import { RequestLimitNotice } from "~/features/request-limit/request-limit-notice";
import { RoleGate } from "./role-gate";
import styles from "./admin-shell.module.css";

export function AdminShell({ children }: { children: ReactNode }) {
  const t = useT("common");
  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#admin-content">
        {t.console.skipToContent}
      </a>
      <AdminSidebar />
      <div className={styles.body}>
        <AdminHeader />
        <RequestLimitNotice />
        <main id="admin-content" className={styles.content}>
          <RoleGate>{children}</RoleGate>
        </main>
      </div>
    </div>
  );
}
