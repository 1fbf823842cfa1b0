import { describe, expect, it } from "vitest";
import { asksSomething, gapGroupId, topicWords } from "../src/knowledge-gaps/gap-question";
import { knowledgeGapReason } from "../src/knowledge-gaps/gap-reason";
import { mostSimilar } from "../src/knowledge-gaps/similar-question";
import type { TurnResult } from "../src/turn/types";
import { configOf, minimalDocument } from "./turn-kit";

const withKnowledge = configOf(
  minimalDocument({ rag: { enabled: true, sources: [{ id: "hours", content: "Open 9-18." }] } }),
);
const withoutKnowledge = configOf(minimalDocument());

function result(overrides: Partial<TurnResult> = {}): TurnResult {
  return {
    reply: { text: "Reply", parts: ["Reply"] },
    escalation: {
      needed: false,
      type: "none",
      reason: "",
      confidence: 0,
      source: "model",
      summary: null,
    },
    contacts: { phoneNumbers: [], emails: [] },
    sources: [],
    usage: {
      steps: [],
      totalTokens: 0,
      cachedTokens: 0,
      costUsd: 0,
      latencyMs: 0,
      llmLatencyMs: 0,
    },
    flags: { offline: true },
    language: "en",
    triggers: [],
    attachDocumentIds: [],
    ...overrides,
  };
}

const source = { sourceId: "hours", chunkIndex: 0, title: "Hours", content: "Open", score: 0.5 };

describe("which questions are knowledge gaps", () => {
  it("a question nothing in the knowledge base matched is a gap; one it matched is not", () => {
    expect(knowledgeGapReason(withKnowledge, result(), "Do you do implants?")).toBe("no_knowledge");
    const answered = result({ sources: [source] });
    expect(knowledgeGapReason(withKnowledge, answered, "When are you open?")).toBeNull();
  });

  it("a fallback answer is a gap even when something was retrieved", () => {
    const failed = result({
      flags: { offline: false, fallback: true },
      sources: [source],
      escalation: {
        needed: true,
        type: "custom",
        reason: "x",
        confidence: 1,
        source: "error",
        summary: null,
      },
    });
    expect(knowledgeGapReason(withKnowledge, failed, "When are you open?")).toBe("fallback");
  });

  it("hand-overs, moderation, small talk and agents without knowledge are not gaps", () => {
    const handedOver = result({
      escalation: {
        needed: true,
        type: "booking",
        reason: "x",
        confidence: 1,
        source: "rules",
        summary: null,
      },
    });
    expect(knowledgeGapReason(withKnowledge, handedOver, "I want to book")).toBeNull();
    const flagged = result({ flags: { offline: true, moderationFlagged: true } });
    expect(knowledgeGapReason(withKnowledge, flagged, "something rude")).toBeNull();
    expect(knowledgeGapReason(withKnowledge, result(), "Hello!")).toBeNull();
    expect(knowledgeGapReason(withKnowledge, result(), "спасибо, пока")).toBeNull();
    expect(knowledgeGapReason(withKnowledge, result(), "How much?")).toBeNull();
    expect(knowledgeGapReason(withoutKnowledge, result(), "Do you do implants?")).toBeNull();
  });
});

describe("topic words", () => {
  it("keep what a question is about, not how it is asked", () => {
    expect(topicWords("How much does Whitening cost?")).toEqual(["whitening"]);
    expect(topicWords("Сколько стоит отбеливание?")).toEqual(["отбеливание"]);
    expect(asksSomething("ok thanks 123")).toBe(false);
    expect(asksSomething("Do you treat children?")).toBe(true);
  });

  it("give one group id to the same words in any order, case or phrasing", () => {
    expect(gapGroupId("Whitening price?")).toBe(gapGroupId("how much does WHITENING cost"));
    expect(gapGroupId("opening hours saturday")).toBe(gapGroupId("Saturday opening hours?"));
    expect(gapGroupId("whitening")).not.toBe(gapGroupId("implants"));
    expect(gapGroupId("x")).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe("near-duplicate questions", () => {
  const groups = [
    "What are your opening hours?",
    "How much does teeth whitening cost?",
    "Do you accept insurance?",
    "Сколько стоит отбеливание?",
    "Do you treat children?",
  ];
  const nearest = async (question: string) =>
    (await mostSimilar(question, groups, (g) => g))?.candidate ?? null;

  it("group with the question they rephrase, across typos and word forms", async () => {
    expect(await nearest("opening hours on saturday?")).toBe(groups[0]);
    expect(await nearest("whitening price")).toBe(groups[1]);
    expect(await nearest("do you take AXA insurance")).toBe(groups[2]);
    expect(await nearest("Цена отбеливания зубов")).toBe(groups[3]);
    expect(await nearest("do you treat childrn")).toBe(groups[4]);
  });

  it("stay apart from questions about something else", async () => {
    expect(await nearest("How much do implants cost?")).toBeNull();
    expect(await nearest("Сколько стоит имплант?")).toBeNull();
    expect(await nearest("Is there parking?")).toBeNull();
    expect(await nearest("Can I pay in installments?")).toBeNull();
    expect(await mostSimilar("anything", [], (g: string) => g)).toBeNull();
  });
});
