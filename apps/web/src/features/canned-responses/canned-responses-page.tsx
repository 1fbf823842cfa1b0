"use client";

import { useDeferredValue, useState } from "react";
import { errorMessage, isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useAgents } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { PagedList } from "~/ui/paged-list";
import admin from "~/ui/admin-page.module.css";
import styles from "~/features/users/users.module.css";
import { CannedFilters, type CannedFilterValues } from "./canned-filters";
import { CannedResponseForm } from "./canned-response-form";
import { CannedResponseItem } from "./canned-response-item";
import type { CannedResponseRow } from "./types";

type Editing = { kind: "create" } | { kind: "edit"; response: CannedResponseRow } | null;

/** `/admin/canned-responses`: every role reads them with their use counts; owners and admins manage them. */
export function CannedResponsesPage() {
  const t = useT("cannedResponses");
  const common = useT("common");
  const { user, sessionLost } = useSession();
  const canManage = user.role === "owner" || user.role === "admin";
  const { byId } = useAgents();
  const utils = trpc.useUtils();
  const [filters, setFilters] = useState<CannedFilterValues>({
    search: "",
    sort: "use",
    agentId: "",
    language: "",
  });
  const { search, sort, agentId, language } = filters;
  const deferredSearch = useDeferredValue(search.trim());
  const list = trpc.cannedResponses.list.useInfiniteQuery(
    {
      sort,
      limit: 50,
      search: deferredSearch || undefined,
      agentId: agentId || undefined,
      language: language || undefined,
    },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CannedResponseRow | null>(null);
  const refresh = () => void utils.cannedResponses.list.invalidate();
  const remove = trpc.cannedResponses.delete.useMutation({
    onSuccess: () => {
      setDeleting(null);
      refresh();
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const responses = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className={admin.page} aria-labelledby="canned-title">
      <div className={admin.header}>
        <h1 id="canned-title">{t.title}</h1>
        {canManage && !editing && (
          <Button
            variant="primary"
            onClick={() => setEditing({ kind: "create" })}
            data-testid="add-canned"
          >
            {t.add}
          </Button>
        )}
      </div>
      <p className="muted">{t.intro}</p>
      {!canManage && <p className="muted">{t.managedByAdmins}</p>}

      {editing && (
        <CannedResponseForm
          key={editing.kind === "edit" ? editing.response.responseId : "new"}
          editing={editing.kind === "edit" ? editing.response : null}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}

      <CannedFilters
        value={{ search, sort, agentId, language }}
        onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
      />

      <PagedList query={list} count={responses.length} text={t} emptyTestId="canned-empty">
        <ul className={styles.list} data-testid="canned-list">
          {responses.map((response) => (
            <CannedResponseItem
              key={response.responseId}
              response={response}
              agentName={
                response.agentId
                  ? (byId.get(response.agentId)?.card.displayName ?? response.agentId)
                  : null
              }
              canManage={canManage}
              onEdit={() => setEditing({ kind: "edit", response })}
              onDelete={() => {
                remove.reset();
                setDeleting(response);
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
        onConfirm={() => deleting && remove.mutate({ responseId: deleting.responseId })}
      >
        {deleting ? t.confirmDelete.body(deleting.shortcut) : ""}
      </ConfirmDialog>
    </section>
  );
}
