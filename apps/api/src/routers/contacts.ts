import type { TRPCRouterRecord } from "@trpc/server";
import { channelSchema } from "@agents-crm/config/channels";
import {
  MAX_CONTACT_PAGE,
  contactAddNoteInputSchema,
  contactIdInputSchema,
  contactListInputSchema,
  contactMergeInputSchema,
  contactUnmergeInputSchema,
  contactUpdateInputSchema,
  labelSchema,
} from "@agents-crm/config/contacts";
import { z } from "zod";
import { addContactNote, deleteContactNote, updateContact } from "../domain/contacts/edit-contact";
import { exportContactsCsv } from "../domain/contacts/export-csv";
import { importContactsCsv, MAX_IMPORT_CHARS } from "../domain/contacts/import-csv";
import { mergeContacts, unmergeContacts } from "../domain/contacts/merge-contacts";
import { mergeSuggestions } from "../domain/contacts/merge-suggestions";
import { contactDetails, listContacts } from "../domain/contacts/read-contacts";
import { eraseContact } from "../domain/privacy/erase-contact";
import { exportContact } from "../domain/privacy/export-contact";
import { adminProcedure, authedProcedure } from "../trpc";

/** The import's body: the CSV text in JSON (escapes can double it), plus the envelope. */
const IMPORT_BODY_LIMIT_BYTES = MAX_IMPORT_CHARS * 2 + 4096;

/**
 * The CRM's customer records. Any staff role reads, edits, notes and merges; owners and admins alone
 * erase, export (one person's data or the whole list) and import.
 */
export const contactsRouter = {
  /** Newest activity first; `search` (name, phone in any format, e-mail, username, label), `label`, `channel`. */
  list: authedProcedure
    .input(contactListInputSchema.default({}))
    .query(({ ctx, input }) => listContacts(ctx.deps, input)),

  /** The contact and its conversations on every channel (`timeline`, newest activity first, paged). */
  byId: authedProcedure
    .input(contactIdInputSchema.extend({ timelineCursor: z.string().max(4096).nullish() }))
    .query(({ ctx, input }) => contactDetails(ctx.deps, input)),

  /** Name (staff's wins from then on), phones, e-mails, labels, attributes; audited `contact.update`. */
  update: authedProcedure
    .input(contactUpdateInputSchema)
    .mutation(({ ctx, input }) => updateContact(ctx, input)),

  addNote: authedProcedure
    .input(contactAddNoteInputSchema)
    .mutation(({ ctx, input }) => addContactNote(ctx, input)),

  /** Its author, an owner or an admin. */
  deleteNote: authedProcedure
    .input(contactIdInputSchema.extend({ noteId: z.string().trim().min(1).max(64) }))
    .mutation(({ ctx, input }) => deleteContactNote(ctx, input)),

  /** Contacts sharing a phone or e-mail with `contactId`, or the top pairs among recent contacts. */
  mergeSuggestions: authedProcedure
    .input(
      z
        .object({
          contactId: contactIdInputSchema.shape.contactId.optional(),
          limit: z.number().int().min(1).max(50).default(20),
        })
        .default({ limit: 20 }),
    )
    .query(({ ctx, input }) => mergeSuggestions(ctx.deps, input)),

  /** The source INTO the target (everything of both kept); returns the `mergeId` that undoes it. */
  merge: authedProcedure
    .input(contactMergeInputSchema)
    .mutation(({ ctx, input }) => mergeContacts(ctx, input)),

  /** Both contacts back exactly as they were before the merge. */
  unmerge: authedProcedure
    .input(contactUnmergeInputSchema)
    .mutation(({ ctx, input }) => unmergeContacts(ctx, input)),

  /** Right to erasure: the contact and all its conversations, messages, files and search entries. */
  erase: adminProcedure
    .input(contactIdInputSchema)
    .mutation(({ ctx, input }) => eraseContact(ctx, input)),

  /** Right of access: everything held about the contact, as JSON. */
  export: adminProcedure
    .input(contactIdInputSchema)
    .query(({ ctx, input }) => exportContact(ctx, input)),

  /** One page of the contacts list as CSV (header on the first page); join pages until `nextCursor` is null. */
  exportCsv: adminProcedure
    .input(
      z.object({
        label: labelSchema.optional(),
        channel: channelSchema.optional(),
        cursor: z.string().max(4096).nullish(),
        limit: z.number().int().min(1).max(MAX_CONTACT_PAGE).default(MAX_CONTACT_PAGE),
      }),
    )
    .query(({ ctx, input }) => exportContactsCsv(ctx.deps, input)),

  /** Upserts by phone / e-mail; per-row errors come back, bad rows are skipped. */
  importCsv: adminProcedure
    .meta({ maxBodyBytes: IMPORT_BODY_LIMIT_BYTES })
    .input(z.object({ csv: z.string().min(1).max(MAX_IMPORT_CHARS) }))
    .mutation(({ ctx, input }) => importContactsCsv(ctx, input)),
} satisfies TRPCRouterRecord;
