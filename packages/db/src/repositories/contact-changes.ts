import type { Channel } from "@agents-crm/config/channels";
import {
  MAX_CONTACT_IDENTITIES,
  MAX_CONTACT_NAME_CHARS,
  MAX_CONTACT_PHONES,
  nameSourceRank,
  type ContactIdentity,
  type ContactNote,
  type NameSource,
} from "@agents-crm/config/contacts";
import type { Contact } from "../schemas/contact";
import { normalizedEmails, normalizedPhones } from "./contact-item";

/*
 * What a contact write changes, as pure functions of the contact read: the repository puts their result
 * under a version condition.
 */

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

export const cleanName = (name: string) =>
  name.trim().replace(/\s+/g, " ").slice(0, MAX_CONTACT_NAME_CHARS);
export const later = (a: string, b: string) => (a >= b ? a : b);
export const differs = <T>(a: T, b: T) => JSON.stringify(a) !== JSON.stringify(b);

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
export function withIdentity(contact: Contact, input: EnsureContactInput, at: string): Contact {
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
export function withName(contact: Contact, name: string, source: NameSource): Contact {
  const clean = cleanName(name);
  if (!clean || nameSourceRank(source) < nameSourceRank(contact.nameSource)) return contact;
  return { ...contact, name: clean, nameSource: source };
}

export function applyPatch(contact: Contact, patch: ContactStorePatch): Contact {
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
