import {
  STAFF_PHONE_FORMAT,
  normalizeStaffPhone,
  type ContactPatch,
  type ContactView,
} from "@agents-crm/config/contacts";
import { canManage } from "../../auth/principal";
import { recordAudit } from "../audit";
import type { StaffContext } from "../conversations/staff-context";
import { forbidden, invalidInput, notFound } from "../errors";
import { normaliseLabels } from "../labels";
import { contactOrThrow, contactView } from "./read-contacts";
import { reindexContact } from "./reindex-contact";
import { MAX_CONTACT_NOTES as MAX_NOTES } from "@agents-crm/config/contacts";

type Field = "name" | "phones" | "emails" | "labels" | "attributes";
const FIELDS: readonly Field[] = ["name", "phones", "emails", "labels", "attributes"];

/** Phones as E.164; one without its country code, or not a number, is an input error pointing at it. */
function phonesOf(phones: readonly string[]): string[] {
  return phones.map((raw, index) => {
    const phone = normalizeStaffPhone(raw);
    if (!phone) {
      throw invalidInput(
        ["patch", "phones", index],
        `"${raw}" is not a phone number with its country code: write ${STAFF_PHONE_FORMAT}`,
      );
    }
    return phone;
  });
}

/**
 * Staff edit a contact: name (staff's name wins over profile and customer-given names from now on),
 * phones, e-mails, labels and attributes, each list replaced whole. With `expectedVersion` a stale edit
 * is a CONFLICT instead of a lost update. Audited as `contact.update` with the changed fields' old and
 * new values.
 */
export async function updateContact(
  ctx: StaffContext,
  input: { contactId: string; expectedVersion?: number; patch: ContactPatch },
): Promise<ContactView> {
  const { repos } = ctx.deps;
  const { patch } = input;
  const before = await contactOrThrow(ctx.deps, input.contactId);
  const after = await repos.contacts.update(
    input.contactId,
    {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.phones && { phones: phonesOf(patch.phones) }),
      ...(patch.emails && { emails: patch.emails }),
      ...(patch.labels && { labels: normaliseLabels(patch.labels, "patch.labels") }),
      ...(patch.attributes && { attributes: patch.attributes }),
    },
    { expectedVersion: input.expectedVersion ?? before.version },
  );
  const changed = FIELDS.filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (changed.length > 0) {
    await recordAudit(ctx, {
      action: "contact.update",
      resourceType: "contact",
      resourceId: after.contactId,
      oldValue: Object.fromEntries(changed.map((field) => [field, before[field]])),
      newValue: Object.fromEntries(changed.map((field) => [field, after[field]])),
      metadata: { fields: changed },
    });
    await reindexContact(ctx.deps, after);
  }
  return contactView(after);
}

/** A staff note about the person (not about one conversation); audited as a `contact.update`. */
export async function addContactNote(
  ctx: StaffContext,
  input: { contactId: string; text: string },
): Promise<ContactView> {
  const { repos } = ctx.deps;
  const before = await contactOrThrow(ctx.deps, input.contactId);
  if (before.notes.length >= MAX_NOTES) {
    throw invalidInput("text", `a contact keeps at most ${MAX_NOTES} notes; delete one first`);
  }
  const after = await repos.contacts.addNote(input.contactId, {
    authorId: ctx.principal.id,
    authorName: ctx.principal.name,
    text: input.text,
  });
  const note = after.notes[after.notes.length - 1];
  await recordAudit(ctx, {
    action: "contact.update",
    resourceType: "contact",
    resourceId: after.contactId,
    newValue: { note: note?.text },
    metadata: { fields: ["notes"], noteId: note?.noteId, change: "note.add" },
  });
  return contactView(after);
}

/** Its author deletes a note, or an owner/admin does; audited as a `contact.update`. */
export async function deleteContactNote(
  ctx: StaffContext,
  input: { contactId: string; noteId: string },
): Promise<ContactView> {
  const { repos } = ctx.deps;
  const current = await contactOrThrow(ctx.deps, input.contactId);
  const removed = current.notes.find((note) => note.noteId === input.noteId);
  if (!removed) throw notFound("This contact has no note with this id");
  if (removed.authorId !== ctx.principal.id && !canManage(ctx.principal)) {
    throw forbidden("Only its author, an owner or an admin can delete a note");
  }
  const after = await repos.contacts.update(
    input.contactId,
    { notes: current.notes.filter((note) => note.noteId !== input.noteId) },
    { expectedVersion: current.version },
  );
  await recordAudit(ctx, {
    action: "contact.update",
    resourceType: "contact",
    resourceId: after.contactId,
    oldValue: { note: removed.text },
    metadata: { fields: ["notes"], noteId: input.noteId, change: "note.delete" },
  });
  return contactView(after);
}
