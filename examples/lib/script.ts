// What every example shares: options with --help, the deployment's address and token, and one clear line
// (exit code 1, or 2 for a wrong call) when something fails.
import { isApiError } from "@agents-crm/client";
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export class UsageError extends Error {}

export function options<T extends Options>(help: string, spec: T, args = process.argv.slice(2)) {
  const all = { ...spec, help: { type: "boolean", short: "h" } } as const;
  let parsed;
  try {
    parsed = parseArgs({ args, options: all, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help);
    process.exit(0);
  }
  return parsed;
}

/** `--url` / AGENTS_CRM_URL and `--token` / ADMIN_TOKEN: where the API is and the machine token. */
export function deployment(values: { url?: unknown; token?: unknown }) {
  const url = (values.url as string | undefined) ?? process.env.AGENTS_CRM_URL;
  const token = (values.token as string | undefined) ?? process.env.ADMIN_TOKEN;
  if (!url) throw new UsageError("give the API's address: --url or AGENTS_CRM_URL");
  if (!token) throw new UsageError("give the machine token: --token or ADMIN_TOKEN");
  return { url, token };
}

export const CONNECTION_OPTIONS = {
  url: { type: "string" },
  token: { type: "string" },
} as const;

export const CONNECTION_HELP = `  --url <url>      the API (http://localhost:8000) or the web app; default AGENTS_CRM_URL
  --token <token>  the deployment's ADMIN_TOKEN; default ADMIN_TOKEN`;

/** Runs an example's main and turns its failure into one line and an exit code. */
export function run(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message} (see --help)`);
      process.exit(2);
    }
    const what = isApiError(error)
      ? `${error.code}: ${error.message}${error.issues.length ? ` (${error.issues.map((i) => `${i.path}: ${i.message}`).join("; ")})` : ""}`
      : error instanceof Error
        ? error.message
        : String(error);
    console.error(`${name}: ${what}`);
    process.exit(1);
  });
}

/** One CSV cell (RFC 4180); a cell starting with = + - @ is made inert for spreadsheets. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of a CSV text with a header row, as objects keyed by the header (quoted cells allowed). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  const [header, ...body] = rows.filter((r) => r.some((c) => c.trim() !== ""));
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? "").trim()])));
}
