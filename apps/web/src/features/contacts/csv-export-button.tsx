"use client";

import { useState } from "react";
import { errorMessage } from "~/features/console/api-error";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import type { ContactFilters } from "./contact-filters";
import { downloadText } from "~/lib/download-text";
import { fileNameFor } from "./download";

const EXPORT_PAGE = 100;

/**
 * Downloads the contacts the label and channel filters select as one CSV file. The server writes it a
 * page at a time (no request holds every contact); the pages are joined here.
 */
export function CsvExportButton({ filters }: { filters: ContactFilters }) {
  const t = useT("contacts").csv;
  const utils = trpc.useUtils();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const parts: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { csv: string; nextCursor: string | null } =
          await utils.client.contacts.exportCsv.query({
            label: filters.label,
            channel: filters.channel,
            cursor,
            limit: EXPORT_PAGE,
          });
        parts.push(page.csv);
        cursor = page.nextCursor;
      } while (cursor);
      downloadText(fileNameFor("contacts", "csv"), "text/csv;charset=utf-8", parts.join(""));
    } catch (caught) {
      setError(errorMessage(caught, t.exportFailed));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void run()} disabled={busy} data-testid="contacts-export-csv">
        {busy ? t.exporting : t.export}
      </Button>
      {error && (
        <Notice tone="danger" look="text" role="alert">
          {error}
        </Notice>
      )}
    </>
  );
}
