"use client";

import { useState } from "react";
import { isUnauthorized, errorMessage } from "~/features/console/api-error";
import type { NotificationChat } from "./notification-rules";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { useSession } from "~/features/console/session-context";
import { NotificationForm } from "./notification-form";
import { NotificationItem } from "./notification-item";
import { PagedList } from "~/ui/paged-list";
import { Button } from "~/ui/button";
import admin from "~/ui/admin-page.module.css";
import styles from "~/features/users/users.module.css";

type Editing = { kind: "create" } | { kind: "edit"; chat: NotificationChat } | null;

/** `/admin/notifications` (owners and admins): the Telegram chats escalation alerts go to. */
export function NotificationsPage() {
  const t = useT("notifications");
  const common = useT("common");
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const list = trpc.notifications.list.useInfiniteQuery(
    { limit: 50 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<NotificationChat | null>(null);
  const refresh = () => void utils.notifications.list.invalidate();
  const remove = trpc.notifications.delete.useMutation({
    onSuccess: () => {
      setDeleting(null);
      refresh();
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const chats = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className={admin.page} aria-labelledby="notifications-title">
      <div className={admin.header}>
        <h1 id="notifications-title">{t.title}</h1>
        {!editing && (
          <Button
            variant="primary"
            onClick={() => setEditing({ kind: "create" })}
            data-testid="add-notification"
          >
            {t.add}
          </Button>
        )}
      </div>
      <p className="muted">{t.intro}</p>
      <details
        className={`${admin.panel} ${styles.guide}`}
        open={chats.length === 0 && list.isSuccess}
      >
        <summary>{t.guide.title}</summary>
        <ol>
          {t.guide.steps.split("\n").map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </details>

      {editing && (
        <NotificationForm
          key={editing.kind === "edit" ? editing.chat.configId : "new"}
          editing={editing.kind === "edit" ? editing.chat : null}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}

      <PagedList query={list} count={chats.length} text={t} emptyTestId="notifications-empty">
        <ul className={styles.list} data-testid="notification-list">
          {chats.map((chat) => (
            <NotificationItem
              key={chat.configId}
              chat={chat}
              onChanged={refresh}
              onEdit={() => setEditing({ kind: "edit", chat })}
              onDelete={() => {
                remove.reset();
                setDeleting(chat);
              }}
            />
          ))}
        </ul>
      </PagedList>

      <ConfirmDialog
        open={deleting !== null}
        title={t.confirmDelete.title}
        confirmLabel={t.confirmDelete.confirm}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, common.errors.generic) : null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ configId: deleting.configId })}
      >
        {deleting ? t.confirmDelete.body(deleting.chatId) : ""}
      </ConfirmDialog>
    </section>
  );
}
