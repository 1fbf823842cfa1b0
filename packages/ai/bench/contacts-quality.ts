// Contact extraction quality on the labelled data set: precision/recall/F1 per language and overall,
// every miss and false positive, the time per message, and libphonenumber-js's own text search as a
// baseline. `npx tsx packages/ai/bench/contacts-quality.ts`
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findPhoneNumbersInText as findWithMax } from "libphonenumber-js/max";
import { findPhoneNumbersInText as findWithMin } from "libphonenumber-js/min";

import { extractContacts } from "../src/contacts/extract-contacts";
import type { ContactsCase } from "../test/fixtures/contacts-dataset";
import { contactsDataset } from "../test/fixtures/contacts-dataset";
import type { Prediction, Quality } from "../test/fixtures/contacts-scoring";
import { scoreContacts } from "../test/fixtures/contacts-scoring";

const TIMING_ROUNDS = 50;

const ours = (item: ContactsCase): Prediction =>
  extractContacts(item.text, item.country ? { defaultCountry: item.country } : {});

const libraryOnly =
  (find: typeof findWithMax) =>
  (item: ContactsCase): Prediction => ({
    phoneNumbers: [
      ...new Set(find(item.text, { defaultCountry: item.country }).map((m) => m.number.number)),
    ],
    emails: [],
  });

const groups: [string, (item: ContactsCase) => boolean][] = [
  ["ru", (item) => item.lang === "ru"],
  ["en", (item) => item.lang === "en"],
  ["ar", (item) => item.lang === "ar"],
  ["mixed", (item) => item.lang === "mixed"],
  ["overall", () => true],
  ["batch 1 (written before the code)", (item) => !/^b[23]-/.test(item.id)],
  ["batch 2 (blind)", (item) => item.id.startsWith("b2-")],
  ["batch 3 (probe regressions)", (item) => item.id.startsWith("b3-")],
];

const round = (value: number) => Math.round(value * 1000) / 1000;
const summary = (q: Quality) => ({
  precision: round(q.precision),
  recall: round(q.recall),
  f1: round(q.f1),
  tp: q.truePositives,
  fp: q.falsePositives,
  fn: q.falseNegatives,
});

const quality = groups.map(([name, keep]) => {
  const cases = contactsDataset.filter(keep);
  const score = scoreContacts(cases, ours);
  return {
    group: name,
    messages: cases.length,
    phones: summary(score.phones),
    emails: summary(score.emails),
  };
});

const baselines = [
  ["libphonenumber-js findPhoneNumbersInText, max metadata", findWithMax],
  ["libphonenumber-js findPhoneNumbersInText, min metadata", findWithMin],
] as const;
const baselineQuality = baselines.flatMap(([baseline, find]) =>
  groups.slice(0, 5).map(([group, keep]) => ({
    baseline,
    group,
    ...summary(scoreContacts(contactsDataset.filter(keep), libraryOnly(find)).phones),
  })),
);

const { errors } = scoreContacts(contactsDataset, ours);

for (const item of contactsDataset) ours(item);
const perMessage: number[] = [];
for (let r = 0; r < TIMING_ROUNDS; r += 1) {
  for (const item of contactsDataset) {
    const start = performance.now();
    ours(item);
    perMessage.push(performance.now() - start);
  }
}
perMessage.sort((a, b) => a - b);
const at = (p: number) =>
  perMessage[Math.min(perMessage.length - 1, Math.floor(p * perMessage.length))] ?? 0;
const timing = {
  messages: contactsDataset.length,
  rounds: TIMING_ROUNDS,
  meanMs: round(perMessage.reduce((sum, ms) => sum + ms, 0) / perMessage.length),
  p50Ms: round(at(0.5)),
  p99Ms: round(at(0.99)),
  maxMs: round(at(1)),
};

console.log(`Contact extraction on ${contactsDataset.length} labelled messages`);
console.table(
  quality.map((q) => ({
    group: q.group,
    messages: q.messages,
    "phone P": q.phones.precision,
    "phone R": q.phones.recall,
    "phone F1": q.phones.f1,
    "phone tp/fp/fn": `${q.phones.tp}/${q.phones.fp}/${q.phones.fn}`,
    "email P": q.emails.precision,
    "email R": q.emails.recall,
    "email F1": q.emails.f1,
  })),
);
console.log("Baselines (phones only, same default country):");
console.table(
  baselineQuality.map(({ baseline, group, precision, recall, f1 }) => ({
    baseline,
    group,
    P: precision,
    R: recall,
    F1: f1,
  })),
);
console.log(errors.length === 0 ? "No misses or false positives." : "Misses and false positives:");
for (const e of errors) console.log(`  ${e.error} ${e.kind} ${e.value} [${e.id}] ${e.text}`);
console.log("Time per message (ms):");
console.table([timing]);

const dir = join(import.meta.dirname, "../../../bench/results");
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, "contacts-quality.json"),
  `${JSON.stringify({ at: new Date().toISOString(), quality, baselines: baselineQuality, errors, timing }, null, 2)}\n`,
);
