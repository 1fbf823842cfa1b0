"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { mayOpen } from "./navigation";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "./session-context";
import styles from "./admin-shell.module.css";

/** An operator who types an owner/admin page's address sees why, not a wall of API errors. */
export function RoleGate({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const pathname = usePathname();
  const t = useT("common");
  if (!mayOpen(user.role, pathname)) {
    return (
      <div className={styles.gate} role="alert" data-testid="forbidden">
        {t.errors.forbidden}
      </div>
    );
  }
  return children;
}
