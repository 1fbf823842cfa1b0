import { configWarnings } from "@agents-crm/config/agent-config";
import { describe, expect, it } from "vitest";
import { evaluateRules } from "../src/rules/evaluate-rules";
import { runSafetyNet } from "../src/rules/safety-net/safety-net";
import { configOf, minimalDocument } from "./turn-kit";

const config = configOf(minimalDocument());
const categories = (text: string) => runSafetyNet(config, text).map((hit) => hit.category);

describe("safety net", () => {
  it("names the category and the words that decided it", () => {
    expect(runSafetyNet(config, "Can I take ibuprofen for the pain? How much?")).toEqual([
      { category: "medication", type: "medical", words: ["ibuprofen", "can i take", "how much"] },
      { category: "symptoms", type: "medical", words: ["pain"] },
    ]);
    expect(runSafetyNet(config, "you are a useless idiot bot")[0]).toMatchObject({
      category: "abuse",
      type: "moderation",
    });
  });

  it("reads case, typos, word order, look-alike letters and Arabic diacritics", () => {
    expect(categories("CAN I TAKE IBUPROFIN??")).toContain("medication");
    expect(categories("my face is swollen")[0]).toBe("urgent");
    expect(categories("swollen face since morning")).toContain("urgent");
    // A Latin "e" inside Russian words.
    expect(categories("у рeбенка тeмпература 39")).toContain("children");
    expect(categories("أَنَا حَامِل")).toEqual(["pregnancy"]);
    expect(categories("وألمٌ في الصَّدر")).toContain("urgent");
  });

  it("leaves service questions alone, even with the category's words in them", () => {
    for (const text of [
      "How much is a cleaning?",
      "What are your hours?",
      "Is the whitening painless?",
      "Does teeth whitening hurt?",
      "Do you treat children?",
      "Отбеливание это больно?",
      "Сколько стоит рентген зуба?",
      "هل تبييض الأسنان مؤلم؟",
      "What is the difference between veneers and crowns?",
    ]) {
      expect(categories(text), text).toEqual([]);
    }
    // Typo tolerance must not turn ordinary words into the net's: garage/garbage, tables/tablets,
    // spelling/swelling, loses/losers; one word is not both halves of a pair ("report").
    for (const text of [
      "Is there a garage for patients?",
      "Are the tables in the waiting room free?",
      "Sorry for my spelling",
      "Nobody loses their place in the queue?",
      "Can I get a report for my employer?",
      "Показывается ли цена на сайте?",
    ]) {
      expect(categories(text), text).toEqual([]);
    }
    expect(categories("тупая боль в зубе")).toEqual(["symptoms"]);
    expect(categories("ты тупой бот")).toEqual(["abuse"]);
    // A service question does not mask the customer's own symptom.
    expect(categories("Does my tooth hurt because of the filling?")).toContain("symptoms");
  });

  it("generalises past its phrases: values, fever numbers, transliteration and Arabic endings", () => {
    // A dose is a number and a unit, whatever the drug ("zyxolan" is in no lexicon).
    expect(categories("can i take 2 zyxolan 500mg at once")).toContain("medication");
    expect(categories("выпил 400 мг какой-то таблетки")).toContain("medication");
    // A body temperature with a decimal is a fever, in Western or Arabic-Indic digits.
    expect(categories("my son 38.9 since morning")).toContain("children");
    expect(categories("ابني ٣٩٫٢ من الصبح")).toContain("children");
    expect(categories("the appointment at 38 Baker street")).toEqual([]);
    // A phone number's digit groups are no emergency number ("123", "112").
    expect(categories("call me back on +7 916 123-45-67 or 050 112 4567")).toEqual([]);
    // A lab value is a number next to what was measured.
    expect(categories("ferritin 12 is that bad")).toContain("test_results");
    expect(categories("гемоглобин 95")).toContain("test_results");
    // Russian typed in Latin letters reads as Russian.
    expect(categories("u menya bolit zub")).toContain("symptoms");
    expect(categories("skolko stoit chistka")).toEqual([]);
    // Arabic in Latin letters and digits (Arabizi), but not a dose with its unit.
    expect(categories("ibni 3ndo 7arara")).toContain("children");
    expect(categories("3ayez a7gez ma3ad bokra")).toEqual([]);
    expect(categories("take 2x daily 3mg")).toEqual(["medication"]);
    // Arabic possessive endings: "her cheek is swollen".
    expect(categories("بنتي خدها وارم")).toContain("children");
  });

  it("reads English as English: its words are not Russian typed in Latin", () => {
    // "her" read as Russian is an insult: an ordinary question about a daughter was handed over.
    expect(categories("Which doctor would see her?")).toEqual([]);
    expect(categories("Can you book her in for a cleaning?")).toEqual([]);
    expect(categories("her")).toEqual([]);
    // Russian typed in Latin letters is still read as Russian.
    expect(categories("zub bolit uzhe tri dnya")).toContain("symptoms");
  });

  it("is tuned per agent: extra words, ignored words, and categories switched off explicitly", () => {
    const tuned = configOf(
      minimalDocument({
        escalation: {
          safety_net: {
            categories: {
              medication: { extra_keywords: ["mouthwash*"] },
              symptoms: { ignore_keywords: ["sensitive"] },
              abuse: { enabled: false },
            },
          },
        },
      }),
    );
    const found = (text: string) => runSafetyNet(tuned, text).map((hit) => hit.category);
    expect(found("Which mouthwashes can I use after surgery?")).toEqual(["medication"]);
    expect(found("whitening for sensitive teeth?")).toEqual([]);
    expect(found("you stupid bot")).toEqual([]);
    expect(found("I have chest pain")).toContain("urgent");
    expect(configWarnings(tuned).map((warning) => warning.path)).toEqual([
      "escalation.safety_net.categories.abuse.enabled",
    ]);
    expect(configWarnings(config)).toEqual([]);
  });

  it("adds to the agent's triggers, one candidate per type with the words in its reason", () => {
    const withTriggers = configOf(
      minimalDocument({ escalation: { triggers: { booking_keywords: ["book"] } } }),
    );
    const verdict = evaluateRules(withTriggers, "I want to book, I'm pregnant and my tooth hurts");
    expect(verdict.candidates.map((candidate) => [candidate.type, candidate.reason])).toEqual([
      ["booking", 'Keyword "book" (booking_keywords)'],
      ["medical", 'Safety net: symptoms ("hurts"); pregnancy ("pregnant")'],
    ]);
    // Named as a cause too, so staff read the categories in their own language.
    expect(verdict.candidates[1]?.cause).toEqual({
      code: "safety_net",
      kind: "symptoms,pregnancy",
      detail: "hurts; pregnant",
    });
    expect(verdict.hits.map((hit) => hit.list)).toEqual([
      "booking_keywords",
      "safety_net",
      "safety_net",
    ]);
  });

  it("is cheap: the net is compiled once and a message takes well under a millisecond", () => {
    const messages = [
      "How much is a cleaning?",
      "У ребенка температура 39, что делать?",
      "عندي ألم في الصدر",
    ];
    runSafetyNet(config, messages[0]!);
    const started = performance.now();
    for (let round = 0; round < 200; round++)
      for (const text of messages) runSafetyNet(config, text);
    const perMessageMs = (performance.now() - started) / 600;
    expect(perMessageMs).toBeLessThan(2);
  });
});
