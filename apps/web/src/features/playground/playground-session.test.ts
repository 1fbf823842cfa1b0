import { PLAYGROUND_MAX_HISTORY } from "@agents-crm/config/playground";
import { describe, expect, it } from "vitest";
import { decisionSummary } from "./decision-summary";
import { draftIssues } from "./draft-issues";
import {
  canSend,
  emptyPlayground,
  historyForRequest,
  playgroundReducer,
  type PlaygroundState,
} from "./playground-session";
import type { PlaygroundResult } from "./types";

function result(overrides: Partial<PlaygroundResult> = {}): PlaygroundResult {
  return {
    agentId: "demo",
    channel: "web_chat",
    model: { label: "offline", offline: true },
    reply: { text: "Hello there", parts: ["Hello there"] },
    escalation: {
      needed: false,
      type: "none",
      reason: "",
      confidence: 0.2,
      source: "model",
      summary: null,
    },
    triggers: [],
    contacts: { phoneNumbers: [], emails: [] },
    sources: [],
    usage: {
      totalTokens: 12,
      cachedTokens: 0,
      costUsd: 0,
      latencyMs: 40,
      llmLatencyMs: 30,
      steps: [],
    },
    flags: { offline: true },
    language: "en",
    knowledge: { status: "disabled" },
    warnings: [],
    ...overrides,
  };
}

const run = (...actions: Parameters<typeof playgroundReducer>[1][]): PlaygroundState =>
  actions.reduce(playgroundReducer, emptyPlayground);

describe("playground conversation", () => {
  it("puts each answer right after the message it answers", () => {
    const state = run(
      { type: "send", content: "Hi" },
      { type: "answered", userTurnId: 1, result: result() },
    );
    expect(state.turns.map((t) => t.role)).toEqual(["user", "agent"]);
    expect(state.turns[0]).toMatchObject({ state: "sent" });
  });

  it("sends the agent what was said: sent messages and replies, not failed messages", () => {
    const state = run(
      { type: "send", content: "Hi" },
      { type: "answered", userTurnId: 1, result: result() },
      { type: "send", content: "lost" },
      { type: "failed", userTurnId: 3 },
      { type: "send", content: "blank turn" },
      { type: "answered", userTurnId: 4, result: result({ reply: null }) },
    );
    expect(historyForRequest(state.turns)).toEqual([
      { role: "user", content: "Hi" },
      { role: "agent", content: "Hello there" },
      { role: "user", content: "blank turn" },
    ]);
  });

  it("keeps only the newest messages the API accepts", () => {
    let state = emptyPlayground;
    for (let i = 0; i < 60; i++) {
      const id = state.nextId;
      state = playgroundReducer(state, { type: "send", content: `m${i}` });
      state = playgroundReducer(state, { type: "answered", userTurnId: id, result: result() });
    }
    const history = historyForRequest(state.turns);
    expect(history).toHaveLength(PLAYGROUND_MAX_HISTORY);
    expect(history.at(-2)).toEqual({ role: "user", content: "m59" });
  });

  it("drops an answer that arrives after a reset", () => {
    const state = run(
      { type: "send", content: "Hi" },
      { type: "reset" },
      { type: "answered", userTurnId: 1, result: result() },
    );
    expect(state.turns).toEqual([]);
    // Ids keep growing, so a new message never takes the id of the forgotten one.
    expect(run({ type: "send", content: "a" }, { type: "reset" }).nextId).toBe(2);
  });

  it("sends only text within the limit, one turn at a time", () => {
    expect(canSend("  hi ", false)).toBe(true);
    expect(canSend("   ", false)).toBe(false);
    expect(canSend("hi", true)).toBe(false);
    expect(canSend("x".repeat(10_001), false)).toBe(false);
  });
});

describe("decision summary", () => {
  it("states an escalation with its type, reason, confidence, source and contacts", () => {
    const summary = decisionSummary(
      result({
        escalation: {
          needed: true,
          type: "contact",
          reason: "Phone number shared",
          confidence: 0.934,
          source: "rules",
          summary: {
            want: "Call me",
            why: "Phone number shared",
            contacts: ["+971501234567"],
            by: "rules",
          },
        },
        contacts: { phoneNumbers: ["+442079460958"], emails: ["a@b.test"] },
        triggers: [{ list: "urgent_keywords", keyword: "pain", type: "urgent" }],
        reply: { text: "a b", parts: ["a", "b"] },
        flags: { offline: true, afterHours: true, moderationFlagged: true },
      }),
    );
    expect(summary).toMatchObject({
      escalated: true,
      type: "contact",
      reason: "Phone number shared",
      summary: { want: "Call me", by: "rules" },
      confidencePercent: 93,
      source: "rules",
      contacts: ["+442079460958", "a@b.test"],
      triggers: [{ keyword: "pain", type: "urgent" }],
      parts: 2,
      flags: ["moderation", "afterHours", "offline"],
    });
  });

  it("keeps the safety net's category and deciding words beside the keyword triggers", () => {
    const summary = decisionSummary(
      result({
        triggers: [
          { list: "urgent_keywords", keyword: "chest pain", type: "urgent" },
          {
            list: "safety_net",
            keyword: "ibuprofen, how much",
            type: "medical",
            category: "medication",
            words: ["ibuprofen", "how much"],
          },
        ],
      }),
    );
    expect(summary.triggers).toEqual([
      { keyword: "chest pain", type: "urgent", category: null, words: [] },
      {
        keyword: "ibuprofen, how much",
        type: "medical",
        category: "medication",
        words: ["ibuprofen", "how much"],
      },
    ]);
  });

  it("shows no type when nothing was escalated, and sources as percentages", () => {
    const summary = decisionSummary(
      result({
        sources: [
          { sourceId: "faq", title: "", chunkIndex: 0, snippet: "Parking…", score: 0.4567 },
          { sourceId: "faq", title: "FAQ", chunkIndex: 0, snippet: "again", score: 0.3 },
        ],
      }),
    );
    expect(summary.escalated).toBe(false);
    expect(summary.type).toBeNull();
    expect(summary.sources.map((s) => [s.title, s.scorePercent])).toEqual([
      ["faq", 46],
      ["FAQ", 30],
    ]);
    expect(new Set(summary.sources.map((s) => s.key)).size).toBe(2);
  });
});

describe("draft issues", () => {
  it("lists the draft's invalid fields without the input's prefix", () => {
    const error = {
      message: "Invalid agent config",
      data: {
        code: "BAD_REQUEST",
        issues: [
          { path: "config.rag.retrieval.top_k", message: "expected number" },
          { path: "config", message: "must be an object" },
          { path: "message", message: "too long" },
        ],
      },
    };
    expect(draftIssues(error)).toEqual([
      { field: "rag.retrieval.top_k", message: "expected number" },
      { field: "", message: "must be an object" },
    ]);
  });

  it("is null for errors that are not about the draft", () => {
    expect(draftIssues({ message: "x", data: { code: "FORBIDDEN", issues: null } })).toBeNull();
    expect(
      draftIssues({ data: { code: "BAD_REQUEST", issues: [{ path: "message", message: "m" }] } }),
    ).toBeNull();
    expect(draftIssues(new Error("network"))).toBeNull();
  });
});
