"use client";

import { useCallback, useEffect, useMemo, useRef, type ReactNode } from "react";
import { loginPath } from "./safe-next";
import { trpc } from "~/lib/trpc";
import { SessionContext } from "./session-context";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import styles from "./admin-shell.module.css";

function currentPath() {
  return `${window.location.pathname}${window.location.search}`;
}

/**
 * The console renders only for a signed-in user. `src/proxy.ts` already turned away visitors without
 * the cookie; this catches a cookie whose session is gone. A full page load to /login (not a client
 * navigation) also closes the WebSocket, which authenticated once, with the old cookie.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const t = useT("common");
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000, retry: 2 });
  const user = me.data?.user ?? null;
  // Signing out revokes the session, which ends the live feeds before the mutation settles; their
  // "session lost" must not turn the sign-out into "sign in again to come back here".
  const leaving = useRef(false);
  const signingOut = useCallback(() => {
    leaving.current = true;
  }, []);
  const sessionLost = useCallback(
    () => window.location.replace(leaving.current ? "/login" : loginPath(currentPath())),
    [],
  );

  useEffect(() => {
    if (me.isSuccess && !user) sessionLost();
  }, [me.isSuccess, user, sessionLost]);

  const session = useMemo(
    () => (user ? { user, sessionLost, signingOut } : null),
    [user, sessionLost, signingOut],
  );

  if (me.isError) {
    return (
      <div className={styles.gate} role="alert">
        <p>{t.console.serverUnreachable(me.error.message)}</p>
        <Button onClick={() => void me.refetch()}>{t.actions.retry}</Button>
      </div>
    );
  }
  if (!session) {
    return (
      <div className={styles.gate} role="status" aria-live="polite">
        {t.console.checkingSession}
      </div>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
