"use client";

import { useState } from "react";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import type { StaffRole } from "~/features/console/types";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";
import { useUserActions } from "./use-user-actions";
import { OneTimeCredentials } from "./one-time-credentials";
import { PagedList } from "~/ui/paged-list";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import { Table } from "~/ui/table";
import admin from "~/ui/admin-page.module.css";
import styles from "./users.module.css";

interface Created {
  name: string;
  email: string;
  password: string;
}

/** `/admin/users` (owners and admins): accounts, roles, deactivation; rules explained, not just refused. */
export function UsersPage() {
  const t = useT("users");
  const utils = trpc.useUtils();
  const list = trpc.users.list.useInfiniteQuery(
    { limit: 50 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const actions = useUserActions();
  const { update, confirm } = actions;
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];

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
      {created && <CreatedCredentials created={created} onDone={() => setCreated(null)} />}

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
                busy={actions.busyId === user.userId}
                note={actions.notes[user.userId] ?? null}
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
                onDeactivate={() => actions.ask({ kind: "deactivate", user })}
                onDelete={() => actions.ask({ kind: "delete", user })}
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
        busy={update.isPending || actions.remove.isPending}
        error={actions.confirmError}
        onCancel={actions.cancel}
        onConfirm={actions.confirmed}
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

/** A new account's sign-in, shown once. */
function CreatedCredentials({ created, onDone }: { created: Created; onDone: () => void }) {
  const t = useT("users");
  return (
    <div className={admin.panel} role="status" data-testid="user-created">
      <Notice tone="success">{t.create.created(created.name)}</Notice>
      <OneTimeCredentials email={created.email} password={created.password} />
      <div className={styles.buttons}>
        <Button onClick={onDone}>{t.create.done}</Button>
      </div>
    </div>
  );
}
