import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import type { Channel } from "@agents-crm/config/channels";
import {
  MAX_CONTACT_EMAILS,
  MAX_CONTACT_IDENTITIES,
  MAX_CONTACT_NAME_CHARS,
  MAX_CONTACT_PHONES,
  nameSourceRank,
  type ContactIdentity,
  type ContactNote,
  type NameSource,
} from "@agents-crm/config/contacts";
import type { Db } from "../client/db";
import { conditionalPut } from "../lib/conditional-write";
import { NotFoundError, VersionConflictError } from "../lib/errors";
import type { Contact } from "../schemas/contact";
import type { RepositoryContext } from "./context";
import { contactToItem, normalizedEmails, normalizedPhones } from "./contact-item";
import type { ContactKeys } from "./contact-keys";

/** A conversation's channel identity, and what its platform shows about the person. */
export interface EnsureContactInput {
  channel: Channel;
  agentId: string;
  externalUserId: string;
  username?: string;
  displayName?: string;
  profile?: ContactIdentity["profile"];
  /** Numbers the identity itself proves (a WhatsApp wa_id). */
  phones?: string[];
  /** When the person was seen (the conversation's creation); defaults to now. */
  at?: string;
}

export interface EnsureContactResult {
  contact: Contact;
  /** True for exactly one caller: the one whose write created the contact. */
  created: boolean;
}

/**
 * What staff (or a merge) change. Lists replace the whole list; `name` set here is staff's (`null` clears
 * it and its source, so a later profile or customer-given name can fill it again).
 */
export interface ContactStorePatch {
  name?: string | null;
  phones?: string[];
  emails?: string[];
  labels?: string[];
  attributes?: Record<string, string>;
  notes?: ContactNote[];
  identities?: ContactIdentity[];
  mergedFrom?: string[];
  lastSeenAt?: string;
}

export interface UpdateContactOptions {
  /** The version the caller read; VersionConflictError when the contact has moved on. */
  expectedVersion?: number;
}

const MAX_ATTEMPTS = 6;

const cleanName = (name: string) =>
  name.trim().replace(/\s+/g, " ").slice(0, MAX_CONTACT_NAME_CHARS);
const later = (a: string, b: string) => (a >= b ? a : b);
const differs = <T>(a: T, b: T) => JSON.stringify(a) !== JSON.stringify(b);

function boundedProfile(
  profile: NonNullable<ContactIdentity["profile"]>,
): NonNullable<ContactIdentity["profile"]> {
  return Object.fromEntries(
    Object.entries(profile)
      .slice(0, 20)
      .map(([key, value]) => [
        key.slice(0, 64),
        typeof value === "string" ? value.slice(0, 2000) : value,
      ]),
  );
}

/** The contact with this identity recorded (profile details refreshed), its profile name and phones. */
function withIdentity(contact: Contact, input: EnsureContactInput, at: string): Contact {
  const identities = [...contact.identities];
  const index = identities.findIndex(
    (identity) =>
      identity.channel === input.channel &&
      identity.externalUserId === input.externalUserId &&
      identity.agentId === input.agentId,
  );
  // Platform values are cut to the stored shape's limits: a long one must not make the contact unreadable.
  const details = {
    ...(input.username ? { username: input.username.slice(0, 256) } : {}),
    ...(input.displayName ? { displayName: cleanName(input.displayName) } : {}),
    ...(input.profile ? { profile: boundedProfile(input.profile) } : {}),
  };
  if (index === -1) {
    if (identities.length < MAX_CONTACT_IDENTITIES)
      identities.push({
        channel: input.channel,
        externalUserId: input.externalUserId,
        agentId: input.agentId,
        ...details,
      });
  } else {
    identities[index] = { ...identities[index]!, ...details };
  }
  const next: Contact = {
    ...contact,
    identities,
    phones: normalizedPhones([...contact.phones, ...(input.phones ?? [])]).slice(
      0,
      MAX_CONTACT_PHONES,
    ),
    lastSeenAt: later(contact.lastSeenAt, at),
  };
  return details.displayName ? withName(next, details.displayName, "profile") : next;
}

/** The name applied unless the contact's current name comes from a stronger source. */
function withName(contact: Contact, name: string, source: NameSource): Contact {
  const clean = cleanName(name);
  if (!clean || nameSourceRank(source) < nameSourceRank(contact.nameSource)) return contact;
  return { ...contact, name: clean, nameSource: source };
}

function applyPatch(contact: Contact, patch: ContactStorePatch): Contact {
  const named =
    patch.name === undefined
      ? {}
      : patch.name === null
        ? { name: null, nameSource: null }
        : { name: cleanName(patch.name), nameSource: "staff" as const };
  return {
    ...contact,
    ...named,
    ...(patch.phones ? { phones: normalizedPhones(patch.phones) } : {}),
    ...(patch.emails ? { emails: normalizedEmails(patch.emails) } : {}),
    ...(patch.labels ? { labels: [...new Set(patch.labels)] } : {}),
    ...(patch.attributes ? { attributes: patch.attributes } : {}),
    ...(patch.notes ? { notes: patch.notes } : {}),
    ...(patch.identities ? { identities: patch.identities } : {}),
    ...(patch.mergedFrom ? { mergedFrom: patch.mergedFrom } : {}),
    ...(patch.lastSeenAt ? { lastSeenAt: later(contact.lastSeenAt, patch.lastSeenAt) } : {}),
  };
}

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

  const putNew = (contact: Contact) =>
    conditionalPut(db, {
      TableName,
      Item: contactToItem(contact),
      ConditionExpression: "attribute_not_exists(contact_id)",
    });

  /** A contact whose identity claim failed: its item and keys, never an identity someone else holds. */
  async function removeUnclaimed(contactId: string): Promise<void> {
    await keys.removeAll(contactId);
    await db.doc.send(new DeleteCommand({ TableName, Key: { contact_id: contactId } }));
  }

  function newContact(contactId: string, input: EnsureContactInput, at: string): Contact {
    const empty: Contact = {
      contactId,
      name: null,
      nameSource: null,
      phones: [],
      emails: [],
      identities: [],
      labels: [],
      attributes: {},
      notes: [],
      createdAt: at,
      updatedAt: at,
      lastSeenAt: at,
      version: 1,
    };
    return withIdentity(empty, input, at);
  }

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

  return {
    /**
     * The contact of a conversation's channel identity, created on first sight. Race-safe without
     * transactions: the identity key is claimed first with a conditional put, so two first messages of one
     * person agree on one contact id; whoever finds the key but not yet its contact (the claimer is between
     * its two writes, or died there) creates the contact under that id itself — conditionally, so both
     * converge on one item. A known identity costs one read of the key and of the contact, and a write
     * only when something changed (a new agent, a profile, the activity time). `surelyNew` (a web
     * visitor's freshly minted token) skips the first read.
     */
    async ensureForConversation(
      input: EnsureContactInput,
      options: { surelyNew?: boolean } = {},
    ): Promise<EnsureContactResult> {
      const at = input.at ?? ctx.now().toISOString();
      for (let round = 0; round < MAX_ATTEMPTS; round++) {
        if (options.surelyNew && round === 0) {
          // An identity minted just now (a web visitor's fresh token) cannot be known yet: the claim,
          // the contact and its keys go out at once. Were it known after all, the claim fails, what was
          // written is taken back, and the next round reads the key like any other identity.
          const contact = newContact(ctx.ulid(), input, at);
          const [claimed, created] = await Promise.all([
            keys.claimIdentity(
              input.channel,
              input.externalUserId,
              contact.contactId,
              input.agentId,
            ),
            putNew(contact),
            keys.sync(null, contact, { identityClaimed: true }),
          ]);
          if (claimed && created) return { contact, created: true };
          await removeUnclaimed(contact.contactId);
          continue;
        }
        const owner = await keys.identityOwner(input.channel, input.externalUserId);
        if (!owner) {
          const contact = newContact(ctx.ulid(), input, at);
          const claimed = await keys.claimIdentity(
            input.channel,
            input.externalUserId,
            contact.contactId,
            input.agentId,
          );
          if (!claimed) continue;
          const [created] = await Promise.all([
            putNew(contact),
            keys.sync(null, contact, { identityClaimed: true }),
          ]);
          if (created) return { contact, created: true };
          continue;
        }
        const existing = await get(owner);
        if (!existing) {
          const contact = newContact(owner, input, at);
          if (await putNew(contact)) {
            await keys.sync(null, contact, { identityClaimed: true });
            return { contact, created: true };
          }
          continue;
        }
        const contact = await mutate(owner, (current) => withIdentity(current, input, at));
        return { contact, created: false };
      }
      throw new Error(`contact for ${input.channel} identity did not settle`);
    },

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
