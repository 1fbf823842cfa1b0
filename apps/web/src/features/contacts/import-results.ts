export type ImportOutcome = "created" | "updated" | "error";

/** How many rows of an import were created, updated or refused. */
export function importSummary(rows: readonly { outcome: ImportOutcome }[]) {
  let created = 0;
  let updated = 0;
  let failed = 0;
  for (const row of rows) {
    if (row.outcome === "created") created += 1;
    else if (row.outcome === "updated") updated += 1;
    else failed += 1;
  }
  return { created, updated, failed };
}
