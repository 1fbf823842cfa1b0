"use client";

import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "./session-context";
import { Button } from "~/ui/button";
import { SignOutIcon } from "./header-icons";
import styles from "./admin-shell.module.css";

export function LogoutButton() {
  const t = useT("common").console;
  const { signingOut } = useSession();
  const logout = trpc.auth.logout.useMutation({
    // A full page load: the WebSocket and every cached answer of this session go with it.
    onSettled: () => window.location.assign("/login"),
  });
  return (
    <Button
      size="sm"
      className={styles.headerButton}
      onClick={() => {
        signingOut();
        logout.mutate();
      }}
      disabled={logout.isPending}
      title={t.signOut}
      data-testid="logout"
    >
      <SignOutIcon />
      <span className={styles.phoneWordsHidden}>{logout.isPending ? t.signingOut : t.signOut}</span>
    </Button>
  );
}
