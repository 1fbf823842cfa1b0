import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import {
  MAX_CONTACT_EMAILS,
  MAX_CONTACT_PHONES,
  type ContactNote,
  type NameSource,
} from "@agents-crm/config/contacts";
import type { Db } from "../client/db";
import { conditionalPut } from "../lib/conditional-write";
import { NotFoundError, VersionConflictError } from "../lib/errors";
import type { Contact } from "../schemas/contact";
import type { RepositoryContext } from "./context";
import {
  applyPatch,
  differs,
  withIdentity,
  withName,
  type ContactStorePatch,
  type EnsureContactInput,
  type UpdateContactOptions,
} from "./contact-changes";
import { createContactEnsure } from "./contact-ensure";
import { contactToItem, normalizedEmails, normalizedPhones } from "./contact-item";
import type { ContactKeys } from "./contact-keys";

export type {
  ContactStorePatch,
  EnsureContactInput,
  EnsureContactResult,
  UpdateContactOptions,
} from "./contact-changes";

const MAX_ATTEMPTS = 6;

/**
 * Every write is a whole-item put conditioned on the version read (no lost updates between the channel
 * worker filling in a phone and staff editing the name), followed by the key items' sync.
 */
export function createContactWrites(
  db: Db,
  ctx: RepositoryContext,
  keys: ContactKeys,
  get: (contactId: string) => Promise<Contact | null>,
) {
  const TableName = db.tables.contacts;

  /**
   * Applies `change` to the current contact under a version condition, re-reading on a concurrent write
   * (unless the caller named the version it read). `change` returning the same object writes nothing.
   */
  async function mutate(
    contactId: string,
    change: (current: Contact) => Contact,
    options: UpdateContactOptions = {},
  ): Promise<Contact> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await get(contactId);
      if (!current) throw new NotFoundError("contact", contactId);
      if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
        throw new VersionConflictError("contact", contactId, options.expectedVersion);
      const changed = change(current);
      if (changed === current || !differs(changed, current)) return current;
      const next: Contact = {
        ...changed,
        updatedAt: ctx.now().toISOString(),
        version: current.version + 1,
      };
      const written = await conditionalPut(db, {
        TableName,
        Item: contactToItem(next),
        ConditionExpression: "version = :read",
        ExpressionAttributeValues: { ":read": current.version },
      });
      if (written) {
        await keys.sync(current, next);
        return next;
      }
      if (options.expectedVersion !== undefined)
        throw new VersionConflictError("contact", contactId, options.expectedVersion);
    }
    throw new VersionConflictError("contact", contactId);
  }

  const ensure = createContactEnsure(db, ctx, keys, get, mutate);

  return {
    ...ensure,

    /** Staff's edit (or a merge's): VersionConflictError when `expectedVersion` is stale. */
    update(
      contactId: string,
      patch: ContactStorePatch,
      options: UpdateContactOptions = {},
    ): Promise<Contact> {
      return mutate(contactId, (current) => applyPatch(current, patch), options);
    },

    /** A name from `source`, unless the current one comes from a stronger source (staff > customer > profile). */
    offerName(contactId: string, name: string, source: NameSource): Promise<Contact> {
      return mutate(contactId, (current) => withName(current, name, source));
    },

    /** A platform profile seen again (Instagram's refresh): the identity's details and the profile name. */
    refreshIdentity(contactId: string, input: EnsureContactInput): Promise<Contact> {
      return mutate(contactId, (current) =>
        withIdentity(current, input, input.at ?? current.lastSeenAt),
      );
    },

    /** Phones the customer shared, as E.164, deduplicated, up to the limit; nothing written when none is new. */
    addPhones(contactId: string, phones: readonly string[]): Promise<Contact> {
      return mutate(contactId, (current) => {
        const next = normalizedPhones([...current.phones, ...phones]).slice(0, MAX_CONTACT_PHONES);
        return next.length === current.phones.length ? current : { ...current, phones: next };
      });
    },

    /** E-mails the customer shared, in lower case, deduplicated, up to the limit. */
    addEmails(contactId: string, emails: readonly string[]): Promise<Contact> {
      return mutate(contactId, (current) => {
        const next = normalizedEmails([...current.emails, ...emails]).slice(0, MAX_CONTACT_EMAILS);
        return next.length === current.emails.length ? current : { ...current, emails: next };
      });
    },

    /**
     * What a customer message revealed, in ONE conditional write (nothing when nothing is new): shared
     * phones and e-mails, and the name they gave (kept unless a stronger source named them).
     */
    fillIn(
      contactId: string,
      found: { phones?: readonly string[]; emails?: readonly string[]; name?: string },
    ): Promise<Contact> {
      return mutate(contactId, (current) => {
        const phones = normalizedPhones([...current.phones, ...(found.phones ?? [])]).slice(
          0,
          MAX_CONTACT_PHONES,
        );
        const emails = normalizedEmails([...current.emails, ...(found.emails ?? [])]).slice(
          0,
          MAX_CONTACT_EMAILS,
        );
        const filled = { ...current, phones, emails };
        return found.name ? withName(filled, found.name, "customer") : filled;
      });
    },

    /** A staff note about the person (the caller checks the note limits). */
    addNote(
      contactId: string,
      note: Omit<ContactNote, "noteId" | "createdAt">,
      options: UpdateContactOptions = {},
    ): Promise<Contact> {
      const full: ContactNote = {
        ...note,
        noteId: ctx.ulid(),
        createdAt: ctx.now().toISOString(),
      };
      return mutate(
        contactId,
        (current) => ({ ...current, notes: [...current.notes, full] }),
        options,
      );
    },

    /** The person was seen at `at` (a new conversation): moves them up the newest-activity list. */
    touch(contactId: string, at: string): Promise<Contact> {
      return mutate(contactId, (current) =>
        at > current.lastSeenAt ? { ...current, lastSeenAt: at } : current,
      );
    },

    /** The contact and every key pointing at it; the removed contact, or null when there was none. */
    async delete(contactId: string): Promise<Contact | null> {
      const current = await get(contactId);
      await keys.removeAll(contactId);
      if (!current) return null;
      await db.doc.send(new DeleteCommand({ TableName, Key: { contact_id: contactId } }));
      return current;
    },
  };
}

export type ContactWrites = ReturnType<typeof createContactWrites>;
