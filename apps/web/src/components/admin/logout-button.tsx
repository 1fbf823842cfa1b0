"use client";

import { trpc } from "../../lib/trpc";
import styles from "./admin-shell.module.css";

export function LogoutButton() {
  const logout = trpc.auth.logout.useMutation({
    // A full page load: the WebSocket and every cached answer of this session go with it.
    onSettled: () => window.location.assign("/login"),
  });
  return (
    <button
      type="button"
      className={styles.quiet}
      onClick={() => logout.mutate()}
      disabled={logout.isPending}
      data-testid="logout"
    >
      {logout.isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
