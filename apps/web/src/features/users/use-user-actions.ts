"use client";

import { useState } from "react";
import { errorMessage, isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { userErrorKind, type StaffUser } from "./user-rules";
import type { RowNote } from "./user-row";

export type Confirm = { kind: "deactivate" | "delete"; user: StaffUser } | null;

/**
 * Changing and deleting accounts: the mutations, which row is busy, each row's note (saved / failed)
 * and the confirmation asked before a deactivation or a deletion, with its error.
 */
export function useUserActions() {
  const t = useT("users");
  const common = useT("common");
  const session = useSession();
  const utils = trpc.useUtils();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [notes, setNotes] = useState<Record<string, RowNote>>({});
  const [busyId, setBusyId] = useState<string | null>(null);

  const note = (userId: string, value: RowNote | null) =>
    setNotes((current) => {
      const { [userId]: _old, ...rest } = current;
      return value ? { ...rest, [userId]: value } : rest;
    });
  const describe = (error: unknown, during: "update" | "delete"): string => {
    const kind = userErrorKind(error, during);
    if (kind !== "other") return t.errors[kind];
    return errorMessage(error, common.errors.generic);
  };
  const explain = (error: unknown, during: "update" | "delete"): string => {
    if (isUnauthorized(error)) session.sessionLost();
    return describe(error, during);
  };

  const update = trpc.users.update.useMutation({
    onMutate: (input) => {
      setBusyId(input.userId);
      note(input.userId, null);
    },
    onSuccess: (user, input) => {
      setConfirm(null);
      if (input.role) note(user.userId, { kind: "saved", text: t.roleSaved(user.name) });
    },
    onError: (error, input) => {
      const text = explain(error, "update");
      if (!confirm) note(input.userId, { kind: "error", text });
    },
    onSettled: () => {
      setBusyId(null);
      void utils.users.list.invalidate();
    },
  });
  const remove = trpc.users.delete.useMutation({
    onMutate: (input) => setBusyId(input.userId),
    onSuccess: () => setConfirm(null),
    onError: (error) => explain(error, "delete"),
    onSettled: () => {
      setBusyId(null);
      void utils.users.list.invalidate();
    },
  });

  const confirmError = confirm
    ? confirm.kind === "delete"
      ? remove.error && describe(remove.error, "delete")
      : update.error && describe(update.error, "update")
    : null;

  return {
    update,
    remove,
    busyId,
    notes,
    confirm,
    confirmError: confirmError || null,
    ask: (next: NonNullable<Confirm>) => {
      (next.kind === "delete" ? remove : update).reset();
      setConfirm(next);
    },
    cancel: () => setConfirm(null),
    /** The confirmed deactivation or deletion. */
    confirmed: () => {
      if (!confirm) return;
      const { user } = confirm;
      if (confirm.kind === "delete") remove.mutate({ userId: user.userId });
      else update.mutate({ userId: user.userId, isActive: false, expectedVersion: user.version });
    },
  };
}
