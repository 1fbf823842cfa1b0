"use client";

import { useEffect, useRef, useState } from "react";
import { errorMessage, isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { Dialog } from "~/ui/dialog";
import { OneTimeCredentials } from "./one-time-credentials";
import { userErrorKind, type Locked, type StaffUser } from "./user-rules";
import styles from "./users.module.css";

/**
 * Gives a user a new generated password (they forgot theirs): asks first, since it signs them out
 * everywhere, then shows the password once.
 */
export function ResetPasswordButton({ user, locked }: { user: StaffUser; locked: Locked }) {
  const t = useT("users");
  const common = useT("common");
  const session = useSession();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const reset = trpc.users.resetPassword.useMutation({
    onSuccess: () => setAsking(false),
    onError: (error) => {
      if (isUnauthorized(error)) session.sessionLost();
    },
  });
  // The dialogs unmount rather than close, so focus is put back where the keyboard user was, once
  // they are gone (a modal dialog keeps focus from leaving it while it is there).
  const open = asking || reset.data !== undefined;
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [open]);
  const close = () => {
    refocus.current = true;
    setAsking(false);
    reset.reset();
  };

  const kind = reset.error ? userErrorKind(reset.error, "update") : null;
  const failure = !reset.error
    ? null
    : kind && kind !== "other"
      ? t.errors[kind]
      : errorMessage(reset.error, common.errors.generic);

  return (
    <>
      <Button
        ref={opener}
        disabled={locked !== null || reset.isPending}
        title={locked ? t.locked[locked] : undefined}
        onClick={() => {
          reset.reset();
          setAsking(true);
        }}
        data-testid="user-reset-password"
      >
        {t.resetPassword.open}
      </Button>
      {/* Mounted only for the row in use: a table of users does not carry a pair of dialogs per row. */}
      {asking && (
        <ConfirmDialog
          open
          title={t.resetPassword.title}
          confirmLabel={t.resetPassword.confirm}
          busy={reset.isPending}
          error={failure}
          onCancel={close}
          onConfirm={() => reset.mutate({ userId: user.userId })}
        >
          {t.resetPassword.body(user.name)}
        </ConfirmDialog>
      )}
      {reset.data && (
        <Dialog
          open
          title={t.resetPassword.done(user.name)}
          onClose={close}
          testId="reset-password-result"
        >
          <OneTimeCredentials
            email={reset.data.email}
            password={reset.data.password}
            passwordLabel={t.resetPassword.password}
          />
          <div className={styles.buttons}>
            <Button variant="primary" onClick={close} data-testid="reset-password-done">
              {t.create.done}
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
