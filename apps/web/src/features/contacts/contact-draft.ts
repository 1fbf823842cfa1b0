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

const lines = (text: string) =>
  [...new Set(text.split(/[\n,;]+/).map((line) => line.trim()))].filter(Boolean);

// The server normalises to E.164 (as `extractContacts` does); here only what cannot be a phone is refused.
const looksLikePhone = (value: string) =>
  /^\+?[\d\s().-]+$/.test(value) && value.replace(/\D/g, "").length >= 7;
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The update to send, or the first thing the form must say is wrong. */
export function patchFromDraft(
  draft: ContactDraft,
): { ok: true; patch: ContactPatch } | { ok: false; problem: DraftProblem } {
  const phones = lines(draft.phones);
  const badPhone = phones.find((phone) => !looksLikePhone(phone));
  if (badPhone)
    return { ok: false, problem: { field: "phones", kind: "badPhone", value: badPhone } };
  const emails = lines(draft.emails).map((email) => email.toLowerCase());
  const badEmail = emails.find((email) => !looksLikeEmail(email));
  if (badEmail)
    return { ok: false, problem: { field: "emails", kind: "badEmail", value: badEmail } };
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
    patch: { name: name || null, phones, emails: [...new Set(emails)], attributes },
  };
}
