/** What `contacts.importCsv` answers: counts, and each refused row with the reason. */
export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: readonly { row: number; message: string }[];
}

/** One line per data row: refused rows say why; the rest are summed up above the list. */
export function refusedRows(report: Pick<ImportReport, "errors">) {
  return [...report.errors].sort((a, b) => a.row - b.row);
}
