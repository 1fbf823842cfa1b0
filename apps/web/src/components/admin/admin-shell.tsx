import type { ReactNode } from "react";
import { AdminHeader } from "./admin-header";
import { AdminSidebar } from "./admin-sidebar";
import { RoleGate } from "./role-gate";
import styles from "./admin-shell.module.css";

export function AdminShell({ children }: { children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#admin-content">
        Skip to content
      </a>
      <AdminSidebar />
      <div className={styles.body}>
        <AdminHeader />
        <main id="admin-content" className={styles.content}>
          <RoleGate>{children}</RoleGate>
        </main>
      </div>
    </div>
  );
}
