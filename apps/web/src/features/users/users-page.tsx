"use client";

import { useState } from "react";
import { errorMessage, isUnauthorized } from "~/features/console/api-error";
import { userErrorKind, type StaffUser } from "./user-rules";
import type { StaffRole } from "~/features/console/types";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { useSession } from "~/features/console/session-context";
import { CreateUserForm } from "./create-user-form";
import { OneTimeCredentials } from "./one-time-credentials";
import { UserRow, type RowNote } from "./user-row";
import { PagedList } from "~/ui/paged-list";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { Table } from "~/ui/table";
import admin from "~/ui/admin-page.module.css";
import styles from "./users.module.css";

type Confirm = { kind: "deactivate" | "delete"; user: StaffUser } | null;

/** `/admin/users` (owners and admins): accounts, roles, deactivation; rules explained, not just refused. */
export function UsersPage() {
  const t = useT("users");
  const common = useT("common");
  const session = useSession();
  const utils = trpc.useUtils();
  const list = trpc.users.list.useInfiniteQuery(
    { limit: 50 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; email: string; password: string } | null>(
    null,
  );
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

  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  const confirmError = confirm
    ? confirm.kind === "delete"
      ? remove.error && describe(remove.error, "delete")
      : update.error && describe(update.error, "update")
    : null;

  return (
    <section className={admin.page} aria-labelledby="users-title">
      <div className={admin.header}>
        <h1 id="users-title">{t.title}</h1>
        {!creating && (
          <Button
            variant="primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
            data-testid="add-user"
          >
            {t.create.open}
          </Button>
        )}
      </div>
      <p className="muted">{t.intro}</p>

      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            void utils.users.list.invalidate();
          }}
        />
      )}
      {created && (
        <div className={admin.panel} role="status" data-testid="user-created">
          <Notice tone="success">{t.create.created(created.name)}</Notice>
          <OneTimeCredentials email={created.email} password={created.password} />
          <div className={styles.buttons}>
            <Button onClick={() => setCreated(null)}>{t.create.done}</Button>
          </div>
        </div>
      )}

      <PagedList query={list} count={users.length} text={t}>
        <Table data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.email}</th>
              <th scope="col">{t.columns.role}</th>
              <th scope="col">{t.columns.state}</th>
              <th scope="col">{t.columns.lastLogin}</th>
              <th scope="col">{t.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow
                key={user.userId}
                user={user}
                busy={busyId === user.userId}
                note={notes[user.userId] ?? null}
                onRole={(role: StaffRole) =>
                  update.mutate({ userId: user.userId, role, expectedVersion: user.version })
                }
                onReactivate={() =>
                  update.mutate({
                    userId: user.userId,
                    isActive: true,
                    expectedVersion: user.version,
                  })
                }
                onDeactivate={() => {
                  update.reset();
                  setConfirm({ kind: "deactivate", user });
                }}
                onDelete={() => {
                  remove.reset();
                  setConfirm({ kind: "delete", user });
                }}
              />
            ))}
          </tbody>
        </Table>
      </PagedList>

      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === "delete" ? t.confirmDelete.title : t.confirmDeactivate.title}
        confirmLabel={
          confirm?.kind === "delete" ? t.confirmDelete.confirm : t.confirmDeactivate.confirm
        }
        busy={update.isPending || remove.isPending}
        error={confirmError || null}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          if (!confirm) return;
          const { user } = confirm;
          if (confirm.kind === "delete") remove.mutate({ userId: user.userId });
          else
            update.mutate({ userId: user.userId, isActive: false, expectedVersion: user.version });
        }}
      >
        {confirm?.kind === "delete"
          ? t.confirmDelete.body(confirm.user.name)
          : confirm
            ? t.confirmDeactivate.body(confirm.user.name)
            : ""}
      </ConfirmDialog>
    </section>
  );
}
