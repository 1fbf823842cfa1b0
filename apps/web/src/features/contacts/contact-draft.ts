import { normalizeEmail, normalizeStaffPhone } from "@agents-crm/config/contacts";

/** What the edit form holds: text boxes and attribute rows, as typed. */
export interface ContactDraft {
  name: string;
  phones: string;
  emails: string;
  attributes: { key: string; value: string }[];
}

export interface ContactPatch {
  name: string | null;
  phones: string[];
  emails: string[];
  attributes: Record<string, string>;
}

export type DraftProblem =
  | { field: "phones"; kind: "badPhone"; value: string }
  | { field: "emails"; kind: "badEmail"; value: string }
  | { field: "attributes"; kind: "emptyKey" }
  | { field: "attributes"; kind: "duplicateKey"; key: string };

export function draftOf(contact: {
  name: string | null;
  phones: readonly string[];
  emails: readonly string[];
  attributes: Readonly<Record<string, string>>;
}): ContactDraft {
  return {
    name: contact.name ?? "",
    phones: contact.phones.join("\n"),
    emails: contact.emails.join("\n"),
    attributes: Object.entries(contact.attributes).map(([key, value]) => ({ key, value })),
  };
}

/**
 * The fields the edit form owns, as one comparable key. Labels and notes are saved beside the form on
 * their own; a change to them bumps the contact's version but is no conflict for the form.
 */
export function formFieldsKey(contact: {
  contactId: string;
  name: string | null;
  phones: readonly string[];
  emails: readonly string[];
  attributes: Readonly<Record<string, string>>;
}): string {
  return JSON.stringify([
    contact.contactId,
    contact.name,
    contact.phones,
    contact.emails,
    contact.attributes,
  ]);
}

const lines = (text: string) =>
  [...new Set(text.split(/[\n,;]+/).map((line) => line.trim()))].filter(Boolean);

/** The update to send, or the first thing the form must say is wrong. */
export function patchFromDraft(
  draft: ContactDraft,
): { ok: true; patch: ContactPatch } | { ok: false; problem: DraftProblem } {
  // Normalised as the API stores them (E.164, lower-case), so a typo is caught before the round trip.
  const phones: string[] = [];
  for (const raw of lines(draft.phones)) {
    // The API's rule: with its country code ("+" or "00"), or refused, naming the format.
    const phone = normalizeStaffPhone(raw);
    if (!phone) return { ok: false, problem: { field: "phones", kind: "badPhone", value: raw } };
    phones.push(phone);
  }
  const emails: string[] = [];
  for (const raw of lines(draft.emails)) {
    const email = normalizeEmail(raw);
    if (!email) return { ok: false, problem: { field: "emails", kind: "badEmail", value: raw } };
    emails.push(email);
  }
  const attributes: Record<string, string> = {};
  for (const row of draft.attributes) {
    const key = row.key.trim();
    const value = row.value.trim();
    if (!key && !value) continue;
    if (!key) return { ok: false, problem: { field: "attributes", kind: "emptyKey" } };
    if (key in attributes) {
      return { ok: false, problem: { field: "attributes", kind: "duplicateKey", key } };
    }
    attributes[key] = value;
  }
  const name = draft.name.trim();
  return {
    ok: true,
    patch: {
      name: name || null,
      phones: [...new Set(phones)],
      emails: [...new Set(emails)],
      attributes,
    },
  };
}
