import type { audit } from "./messages";
import type { AuditEntry } from "./types";

type CsvHeaders = (typeof audit)["en"]["csv"]["headers"];

/** Excel reads a file without a byte-order mark as the system code page and garbles Cyrillic. */
export const UTF8_BOM = "\uFEFF";

/**
 * One field: quoted when it holds a separator, a quote or a line break (quotes doubled, RFC 4180).
 * A text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading `'`
 * (OWASP's advice for CSV injection): actor names and ids come from users.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let out = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) || out !== out.trim() ? `"${out.replace(/"/g, '""')}"` : out;
}

export const csvRow = (fields: readonly (string | number | null | undefined)[]) =>
  fields.map(csvField).join(",");

const json = (value: unknown) =>
  value === undefined ||
  (typeof value === "object" && value !== null && Object.keys(value).length === 0)
    ? ""
    : JSON.stringify(value);

/** The audit entries as a CSV file's text: BOM, header row, one row per entry, CRLF line ends. */
export function auditCsv(
  entries: readonly AuditEntry[],
  headers: CsvHeaders,
  describe: (entry: AuditEntry) => string,
): string {
  const lines = [
    csvRow([
      headers.timestamp,
      headers.actor,
      headers.actorId,
      headers.action,
      headers.description,
      headers.resourceType,
      headers.resourceId,
      headers.oldValue,
      headers.newValue,
      headers.metadata,
      headers.requestId,
    ]),
    ...entries.map((e) =>
      csvRow([
        new Date(e.timestamp).toISOString(),
        e.actorName ?? "",
        e.actorId,
        e.action,
        describe(e),
        e.resourceType,
        e.resourceId,
        json(e.oldValue),
        json(e.newValue),
        json(e.metadata),
        e.requestId ?? "",
      ]),
    ),
  ];
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}

/** "audit-log_2026-11-01_to_2026-11-25.csv"; an open end is "start" / the export day. */
export function auditCsvFileName(range: { from?: string; to?: string }, today: string): string {
  return `audit-log_${range.from ?? "start"}_to_${range.to ?? today}.csv`;
}
