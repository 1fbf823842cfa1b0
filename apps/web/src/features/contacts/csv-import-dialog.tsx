"use client";

import { useState, type FormEvent } from "react";
import { errorMessage } from "~/features/console/api-error";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Dialog } from "~/ui/dialog";
import { DialogActions } from "~/ui/dialog-actions";
import { Field } from "~/ui/field";
import { TextInput } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { refusedRows } from "./import-results";
import styles from "./contacts.module.css";

/** "Import CSV" and its dialog: pick a file, import, then each row's outcome. */
export function CsvImportButton() {
  const t = useT("contacts").csv;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="contacts-import-csv">
        {t.import}
      </Button>
      <Dialog
        open={open}
        title={t.importTitle}
        onClose={() => setOpen(false)}
        testId="contacts-import-dialog"
      >
        <ImportForm onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function ImportForm({ onClose }: { onClose: () => void }) {
  const t = useT("contacts").csv;
  const common = useT("common");
  const utils = trpc.useUtils();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = trpc.contacts.importCsv.useMutation({
    onSuccess: () => void utils.contacts.list.invalidate(),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem(t.noFile);
      return;
    }
    setProblem(null);
    run.mutate({ csv: await file.text() });
  };

  if (run.data) {
    const report = run.data;
    return (
      <div className={styles.form} data-testid="contacts-import-results">
        <Notice tone={report.failed > 0 ? "warning" : "success"} role="status">
          {t.summary(report.created, report.updated, report.unchanged, report.failed)}
        </Notice>
        {report.errors.length > 0 && (
          <ol className={styles.results}>
            {refusedRows(report).map((error) => (
              <li key={error.row} data-outcome="error" data-testid="import-row">
                {t.row(error.row)}: {error.message}
              </li>
            ))}
          </ol>
        )}
        <DialogActions label={t.done} onCancel={onClose} onConfirm={onClose} testId="import-done" />
      </div>
    );
  }
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <p className="muted">{t.importHint}</p>
      <Field label={t.file} error={problem}>
        <TextInput
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="import-file"
        />
      </Field>
      {run.error && (
        <Notice tone="danger" look="text" role="alert">
          {errorMessage(run.error, t.failed)}
        </Notice>
      )}
      <DialogActions
        label={run.isPending ? t.running : t.run}
        cancelLabel={common.actions.cancel}
        onCancel={onClose}
        busy={run.isPending}
        testId="import-run"
      />
    </form>
  );
}
