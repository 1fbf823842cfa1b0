import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";

import { extractContacts } from "../src";
import { contactsDataset } from "./fixtures/contacts-dataset";
import { scoreContacts } from "./fixtures/contacts-scoring";

describe("contacts data set", () => {
  it("is large, has unique ids and well-formed labels", () => {
    expect(contactsDataset.length).toBeGreaterThanOrEqual(150);
    expect(new Set(contactsDataset.map((item) => item.id)).size).toBe(contactsDataset.length);
    for (const item of contactsDataset) {
      for (const phone of item.phones) {
        expect(parsePhoneNumberFromString(phone)?.number, `${item.id} ${phone}`).toBe(phone);
      }
      for (const email of item.emails ?? []) expect(email).toBe(email.toLowerCase());
    }
  });

  it("covers every language, default-country setting and hard negatives", () => {
    const langs = new Set(contactsDataset.map((item) => item.lang));
    expect([...langs].sort()).toEqual(["ar", "en", "mixed", "ru"]);
    const countries = new Set(contactsDataset.map((item) => item.country ?? "none"));
    expect([...countries].sort()).toEqual(["AE", "RU", "none"]);
    expect(contactsDataset.filter((item) => item.phones.length === 0).length).toBeGreaterThan(60);
  });

  it.each(contactsDataset.filter((item) => item.id.startsWith("b3-")))(
    "keeps the probe regression $id fixed: $text",
    (item) => {
      const result = extractContacts(
        item.text,
        item.country ? { defaultCountry: item.country } : {},
      );
      expect(result).toEqual({ phoneNumbers: item.phones, emails: item.emails ?? [] });
    },
  );

  it("extracts phones with precision ≥ 0.97 and recall ≥ 0.95, e-mails likewise", () => {
    const score = scoreContacts(contactsDataset, (item) =>
      extractContacts(item.text, item.country ? { defaultCountry: item.country } : {}),
    );
    const line = (name: string, q: typeof score.phones) =>
      `${name}: precision ${q.precision.toFixed(3)} recall ${q.recall.toFixed(3)} ` +
      `(tp ${q.truePositives}, fp ${q.falsePositives}, fn ${q.falseNegatives})`;
    console.log(
      [
        `contacts data set, ${contactsDataset.length} messages`,
        line("phones", score.phones),
        line("emails", score.emails),
        ...score.errors.map((e) => `  ${e.error} ${e.kind} ${e.value} in ${e.id}: ${e.text}`),
      ].join("\n"),
    );
    expect(score.phones.precision).toBeGreaterThanOrEqual(0.97);
    expect(score.phones.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.emails.precision).toBeGreaterThanOrEqual(0.97);
    expect(score.emails.recall).toBeGreaterThanOrEqual(0.95);
  });
});
