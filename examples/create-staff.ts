// Creates staff accounts from a CSV (name,email,role[,password]), through the API.
//   npx tsx examples/create-staff.ts staff.csv > passwords.csv
import { readFile } from "node:fs/promises";
import { call, createAgentsCrmClient } from "@agents-crm/client";
import { generatePassword } from "@agents-crm/config/staff";
import {
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
  csvCell,
  deployment,
  options,
  parseCsv,
  run,
  UsageError,
} from "./lib/script";

const HELP = `Usage: npx tsx examples/create-staff.ts [--dry-run] <staff.csv>

Reads a CSV with a header row name,email,role (owner, admin or operator) and an optional password
column, and creates each account with users.create (audited, as in the console's Users page). A row
without a password gets a generated one. Prints a CSV of email,role,password,result to stdout
(hand the passwords over privately) and one line per refused row to stderr (invalid, or the e-mail
is taken); exit code 1 if any row failed. --dry-run only checks the file.

${CONNECTION_HELP}`;

const ROLES = new Set(["owner", "admin", "operator"]);

run("create-staff", async () => {
  const { values, positionals } = options(HELP, {
    ...CONNECTION_OPTIONS,
    "dry-run": { type: "boolean", default: false },
  });
  const file = positionals[0];
  if (!file) throw new UsageError("name the CSV file");
  const rows = parseCsv(
    await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
    }),
  );
  const missing = ["name", "email", "role"].filter((k) => rows.length > 0 && !(k in rows[0]!));
  if (rows.length === 0 || missing.length > 0) {
    throw new UsageError(
      `${file} needs a header row with name,email,role (missing: ${missing.join(", ") || "rows"})`,
    );
  }
  const api = values["dry-run"] ? null : createAgentsCrmClient(deployment(values));
  let failed = 0;
  console.log("email,role,password,result");
  try {
    for (const [index, row] of rows.entries()) {
      const line = index + 2;
      const role = row.role?.toLowerCase() ?? "";
      if (!ROLES.has(role)) {
        failed += 1;
        console.error(`line ${line}: role must be owner, admin or operator, not "${row.role}"`);
        continue;
      }
      const password = row.password || generatePassword((bytes) => crypto.getRandomValues(bytes));
      if (!api) {
        console.log([row.email, role, "", "checked"].map(csvCell).join(","));
        continue;
      }
      try {
        const user = await call(() =>
          api.trpc.users.create.mutate({
            name: row.name ?? "",
            email: row.email ?? "",
            role: role as "owner" | "admin" | "operator",
            password,
          }),
        );
        console.log(
          [user.email, user.role, row.password ? "" : password, "created"].map(csvCell).join(","),
        );
      } catch (error) {
        failed += 1;
        console.error(
          `line ${line} (${row.email}): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  } finally {
    await api?.close();
  }
  if (failed > 0) throw new Error(`${failed} of ${rows.length} row(s) failed`);
});
