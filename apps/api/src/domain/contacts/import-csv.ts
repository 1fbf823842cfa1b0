import { randomUUID } from "node:crypto";
import {
  MAX_CONTACT_EMAILS,
  MAX_CONTACT_PHONES,
  contactNameSchema,
  normalizeEmail,
  normalizeStaffPhone,
  STAFF_PHONE_FORMAT,
} from "@agents-crm/config/contacts";
import { NotFoundError, VersionConflictError, type Contact } from "@agents-crm/db";
import { recordAudit } from "../audit";
import type { StaffContext } from "../conversations/staff-context";
import { invalidInput } from "../errors";
import { normaliseLabels } from "../labels";
import { listCell, parseCsv } from "./csv";
import { reindexContact } from "./reindex-contact";

/** A file larger than this is refused before it is parsed (the request body limit sits just above). */
export const MAX_IMPORT_CHARS = 1_000_000;
/** Rows one import may hold (after the header). */
export const MAX_IMPORT_ROWS = 5_000;
/** Per-row errors reported back; the count of failed rows is always exact. */
const MAX_REPORTED_ERRORS = 100;

const COLUMN_ALIASES: Record<string, "name" | "phones" | "emails" | "labels"> = {
  name: "name",
  phone: "phones",
  phones: "phones",
  email: "emails",
  emails: "emails",
  "e-mail": "emails",
  labels: "labels",
  label: "labels",
};

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** `row` counts from 1 at the first data row (the header is row 0). */
  errors: { row: number; message: string }[];
}

interface RowData {
  name: string | null;
  phones: string[];
  emails: string[];
  labels: string[];
}

function rowData(cells: readonly string[], columns: Map<number, string>): RowData {
  const get = (field: string) =>
    [...columns].filter(([, f]) => f === field).map(([index]) => cells[index] ?? "");
  const name = get("name")[0]?.trim() || null;
  if (name !== null && !contactNameSchema.safeParse(name).success)
    throw new Error("name is too long");
  const phones = get("phones")
    .flatMap(listCell)
    .map((raw) => {
      const phone = normalizeStaffPhone(raw);
      if (!phone) {
        throw new Error(
          `"${raw.slice(0, 40)}" is not a phone number with its country code: write ${STAFF_PHONE_FORMAT}`,
        );
      }
      return phone;
    });
  const emails = get("emails")
    .flatMap(listCell)
    .map((raw) => {
      const email = normalizeEmail(raw);
      if (!email) throw new Error(`"${raw.slice(0, 60)}" is not an e-mail address`);
      return email;
    });
  if (phones.length === 0 && emails.length === 0)
    throw new Error("a row needs a phone or an e-mail");
  const labels = normaliseLabels(get("labels").flatMap(listCell), "labels");
  return { name, phones: [...new Set(phones)], emails: [...new Set(emails)], labels };
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * Imports contacts from CSV (owners and admins): a header names the columns (name, phone(s), e-mail(s),
 * labels; others are ignored), lists within a cell split on `;` or `,`. Each row is an upsert: the contact
 * holding its first phone (else its first e-mail) gets the row's phones, e-mails and labels added and its
 * name if it had none (a name staff typed is never overwritten); otherwise a new contact is created.
 * Bounded by MAX_IMPORT_CHARS and MAX_IMPORT_ROWS; a bad row is reported and skipped, never fatal.
 * Audited once as `contact.import` with the counts.
 */
export async function importContactsCsv(
  ctx: StaffContext,
  input: { csv: string },
): Promise<ImportResult> {
  const { repos } = ctx.deps;
  if (input.csv.length > MAX_IMPORT_CHARS) {
    throw invalidInput("csv", `at most ${MAX_IMPORT_CHARS} characters per import`);
  }
  let table: string[][];
  try {
    table = parseCsv(input.csv.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw invalidInput("csv", (error as Error).message);
  }
  const [header, ...rows] = table;
  const columns = new Map<number, string>();
  header?.forEach((name, index) => {
    const field = COLUMN_ALIASES[name.trim().toLowerCase()];
    if (field) columns.set(index, field);
  });
  if (![...columns.values()].some((f) => f === "phones" || f === "emails")) {
    throw invalidInput(
      "csv",
      "the first row must name the columns, with a phone or an email column",
    );
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw invalidInput(
      "csv",
      `at most ${MAX_IMPORT_ROWS} rows per import (this file has ${rows.length})`,
    );
  }
  const result: ImportResult = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
  };
  const fail = (row: number, message: string) => {
    result.failed++;
    if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push({ row, message });
  };
  for (const [index, cells] of rows.entries()) {
    const row = index + 1;
    let data: RowData;
    try {
      data = rowData(cells, columns);
    } catch (error) {
      fail(row, (error as Error).message);
      continue;
    }
    const existing =
      (data.phones[0] ? (await repos.contacts.keysByPhone(data.phones[0]))[0] : undefined) ??
      (data.emails[0] ? (await repos.contacts.keysByEmail(data.emails[0]))[0] : undefined);
    try {
      if (existing) {
        const phones = union(existing.phones, data.phones);
        const emails = union(existing.emails, data.emails);
        const labels = union(existing.labels, data.labels);
        if (phones.length > MAX_CONTACT_PHONES || emails.length > MAX_CONTACT_EMAILS) {
          fail(row, "the contact would have too many phones or e-mails");
          continue;
        }
        const after = await repos.contacts.update(existing.contactId, {
          phones,
          emails,
          labels,
          ...(existing.name === null && data.name ? { name: data.name } : {}),
        });
        if (after.version === existing.version) result.unchanged++;
        else {
          result.updated++;
          await reindexContact(ctx.deps, after);
        }
      } else {
        const now = new Date().toISOString();
        const contact: Contact = {
          contactId: randomUUID(),
          name: data.name,
          nameSource: data.name ? "staff" : null,
          phones: data.phones.slice(0, MAX_CONTACT_PHONES),
          emails: data.emails.slice(0, MAX_CONTACT_EMAILS),
          identities: [],
          labels: data.labels,
          attributes: {},
          notes: [],
          createdAt: now,
          updatedAt: now,
          lastSeenAt: now,
          version: 1,
        };
        await repos.contactMerges.create(contact);
        await reindexContact(ctx.deps, contact);
        result.created++;
      }
    } catch (error) {
      // Anything else (storage down) fails the import as a whole, with its own status.
      if (!(error instanceof VersionConflictError || error instanceof NotFoundError)) throw error;
      fail(row, "the contact changed during the import; import this row again");
    }
  }
  await recordAudit(ctx, {
    action: "contact.import",
    resourceType: "contact",
    resourceId: "csv",
    metadata: {
      rows: result.rows,
      created: result.created,
      updated: result.updated,
      failed: result.failed,
    },
  });
  return result;
}
