"use client";

import { useRef, useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { auditCsv, auditCsvFileName } from "./audit-csv";
import { auditListInput, rangeProblem, type AuditFilters } from "./audit-filters";
import { sentenceText } from "./audit-sentence";
import { collectPages } from "./collect-pages";
import { downloadText } from "~/lib/download-text";
import { dayKeyIn } from "~/lib/zoned-time";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { useAuditWords } from "./use-audit-words";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import styles from "./audit.module.css";

const EXPORT_PAGE_SIZE = 200;

type ExportState =
  | { kind: "idle" }
  | { kind: "running"; count: number }
  | { kind: "done"; count: number }
  | { kind: "failed" };

/** Every entry of the current filters (all pages, not only the visible ones) as a CSV download. */
export function AuditExport({ filters, timeZone }: { filters: AuditFilters; timeZone: string }) {
  const t = useT("audit");
  const utils = trpc.useUtils();
  const { sessionLost } = useSession();
  const describe = useAuditWords();
  const [state, setState] = useState<ExportState>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);

  const run = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: "running", count: 0 });
    try {
      const input = auditListInput(filters, timeZone);
      const entries = await collectPages(
        (cursor) => utils.client.audit.list.query({ ...input, cursor, limit: EXPORT_PAGE_SIZE }),
        { signal: abort.signal, onProgress: (count) => setState({ kind: "running", count }) },
      );
      const csv = auditCsv(entries, t.csv.headers, (e) => sentenceText(describe(e)));
      downloadText(
        auditCsvFileName(filters, dayKeyIn(Date.now(), timeZone)),
        "text/csv;charset=utf-8",
        csv,
      );
      setState({ kind: "done", count: entries.length });
    } catch (cause) {
      if (abort.signal.aborted) setState({ kind: "idle" });
      else if (isUnauthorized(cause)) sessionLost();
      else setState({ kind: "failed" });
    } finally {
      controller.current = null;
    }
  };

  return (
    <div className={styles.export}>
      {state.kind === "running" ? (
        <>
          <span role="status">{t.csv.exporting(state.count)}</span>
          <Button size="sm" onClick={() => controller.current?.abort()}>
            {t.csv.cancel}
          </Button>
        </>
      ) : (
        <Button
          variant="primary"
          onClick={() => void run()}
          disabled={rangeProblem(filters) !== null}
          data-testid="audit-export"
        >
          {t.csv.button}
        </Button>
      )}
      {state.kind === "done" && (
        <span role="status" className="muted" data-testid="audit-export-done">
          {t.csv.done(state.count)}
        </span>
      )}
      {state.kind === "failed" && (
        <Notice tone="danger" look="text" role="alert">
          {t.csv.failed}
        </Notice>
      )}
    </div>
  );
}
