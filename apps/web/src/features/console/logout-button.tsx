"use client";

import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "./session-context";
import styles from "./admin-shell.module.css";

export function LogoutButton() {
  const t = useT("common").console;
  const { signingOut } = useSession();
  const logout = trpc.auth.logout.useMutation({
    // A full page load: the WebSocket and every cached answer of this session go with it.
    onSettled: () => window.location.assign("/login"),
  });
  return (
    <button
      type="button"
      className={styles.quiet}
      onClick={() => {
        signingOut();
        logout.mutate();
      }}
      disabled={logout.isPending}
      data-testid="logout"
    >
      {logout.isPending ? t.signingOut : t.signOut}
    </button>
  );
}
