import { describe, expect, it } from "vitest";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import { DEFAULT_TEXTS } from "../src/turn/default-texts";
import { prepareTurn } from "../src/turn/prepare-turn";
import { runTurn } from "../src/turn/run-turn";
import { streamTurn } from "../src/turn/stream-turn";
import type { TurnResult } from "../src/turn/types";
import { useTurnServer } from "./turn-fake-server";
import { configOf, InMemoryChunks, minimalDocument, modelJson } from "./turn-kit";

const server = useTurnServer();

const withModeration = (mode: string, extra: Record<string, unknown> = {}) =>
  configOf(minimalDocument({ moderation: { enabled: true, mode, ...extra } }));

function turn(config: ReturnType<typeof withModeration>, message: string) {
  return runTurn(
    { agentId: "a", config, history: [], messages: [message], channel: "web_chat" },
    { providers: server.providers },
  );
}

describe("input moderation", () => {
  it("blocks a flagged message: no model text reaches the customer, who gets a polite handoff", async () => {
    server.fake.setLatency(200, { endpoint: "chat" });
    const deltas: string[] = [];
    let result: TurnResult | null = null;
    for await (const event of streamTurn(
      {
        agentId: "a",
        config: withModeration("pre"),
        history: [],
        messages: ["you idiot, answer me"],
        channel: "web_chat",
      },
      { providers: server.providers },
    )) {
      if (event.type === "delta") deltas.push(event.text);
      else result = event.result;
    }
    if (!result) throw new Error("no result");
    expect(server.count("moderations")).toBe(1);
    // The chat call may already run alongside moderation (it does not wait for it); nothing of it streams.
    expect(server.count("chat")).toBeLessThanOrEqual(1);
    expect(deltas).toEqual([]);
    expect(result.escalation).toMatchObject({
      needed: true,
      type: "moderation",
      source: "moderation",
    });
    expect(result.escalation.reason).toContain("harassment");
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.moderation_handoff!.en);
    expect(result.flags.moderationFlagged).toBe(true);
    // The stopped chat request may already be on its way to the in-process fake: let it land here, not
    // in the next test's count.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it("counts only the configured categories", async () => {
    server.fake.setResponder(() => modelJson("Let me help."));
    // The safety net's own abuse category would hand this over; it is switched off to see moderation alone.
    const config = configOf(
      minimalDocument({
        moderation: { enabled: true, mode: "pre", categories: ["violence", "self_harm"] },
        escalation: { safety_net: { categories: { abuse: { enabled: false } } } },
      }),
    );
    const result = await turn(config, "you idiot, answer me");
    expect(result.escalation.needed).toBe(false);
    expect(server.count("chat")).toBe(1);
  });

  it("runs concurrently with knowledge retrieval, before the single chat call", async () => {
    const knowledge = createKnowledgeBase({
      chunks: new InMemoryChunks(),
      embedder: server.providers.embedder,
    });
    await knowledge.indexAgent("a", [
      { id: "hours", title: "Hours", content: "We are open 9 to 18." },
    ]);
    server.fake.requests.length = 0;
    server.fake.setLatency(150, { endpoint: "moderations" });
    server.fake.setLatency(150, { endpoint: "embeddings" });
    server.fake.setResponder(() => modelJson("We are open 9 to 18.", undefined, ["S1"]));
    const config = configOf(
      minimalDocument({ moderation: { enabled: true, mode: "pre" }, rag: { enabled: true } }),
    );
    const result = await runTurn(
      { agentId: "a", config, history: [], messages: ["When are you open?"], channel: "web_chat" },
      { providers: server.providers, knowledge },
    );
    const at = (endpoint: string) =>
      server.fake.requests.find((r) => r.endpoint === endpoint)!.receivedAt;
    expect(Math.abs(at("moderations") - at("embeddings"))).toBeLessThan(100);
    expect(at("chat") - Math.max(at("moderations"), at("embeddings"))).toBeGreaterThanOrEqual(140);
    expect(result.sources.map((s) => s.sourceId)).toEqual(["hours"]);
    expect(result.usage.steps.map((s) => s.step)).toEqual(["moderation", "embedding", "chat"]);
  });
});

describe("prepared turns", () => {
  it("reuse moderation and retrieval started while the burst window was open", async () => {
    const knowledge = createKnowledgeBase({
      chunks: new InMemoryChunks(),
      embedder: server.providers.embedder,
    });
    await knowledge.indexAgent("a", [
      { id: "hours", title: "Hours", content: "We are open 9 to 18." },
    ]);
    const config = configOf(
      minimalDocument({ moderation: { enabled: true, mode: "pre" }, rag: { enabled: true } }),
    );
    server.fake.setResponder(() => modelJson("We are open 9 to 18."));
    server.fake.requests.length = 0;
    const deps = { providers: server.providers, knowledge };
    const base = { agentId: "a", config, history: [], channel: "web_chat" as const };

    const prepared = prepareTurn({ ...base, messages: ["When are you open?"] }, deps);
    await prepared.ready;
    expect([server.count("moderations"), server.count("embeddings")]).toEqual([1, 1]);
    const result = await runTurn({ ...base, messages: [" When are you open? "], prepared }, deps);
    expect([server.count("moderations"), server.count("embeddings"), server.count("chat")]).toEqual(
      [1, 1, 1],
    );
    expect(result.usage.steps.map((s) => s.step)).toEqual(["moderation", "embedding", "chat"]);

    await runTurn({ ...base, messages: ["When are you open?", "and on Sunday?"], prepared }, deps);
    expect([server.count("moderations"), server.count("embeddings")]).toEqual([2, 2]);

    const replaced = prepareTurn({ ...base, messages: ["Hi"] }, deps);
    replaced.cancel();
    await runTurn({ ...base, messages: ["Hi"], prepared: replaced }, deps);
    expect(server.count("moderations")).toBeGreaterThanOrEqual(3);
  });

  it("still block a flagged message, with nothing of the model's answer used", async () => {
    const config = withModeration("pre");
    const prepared = prepareTurn(
      { agentId: "a", config, messages: ["you idiot"] },
      { providers: server.providers },
    );
    const result = await runTurn(
      { agentId: "a", config, history: [], messages: ["you idiot"], channel: "web_chat", prepared },
      { providers: server.providers },
    );
    expect(result.escalation.type).toBe("moderation");
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.moderation_handoff!.en);
    expect(server.count("chat")).toBeLessThanOrEqual(1);
  });
});

describe("output moderation", () => {
  it("replaces a flagged reply with the safe text in post mode", async () => {
    server.fake.setResponder(() => modelJson("What an idiot question."));
    const result = await turn(withModeration("post"), "Is parking free?");
    expect(server.count("moderations")).toBe(1);
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.moderation_handoff!.en);
    expect(result.escalation).toMatchObject({
      needed: true,
      type: "moderation",
      source: "moderation",
    });
    expect(result.escalation.reason).toContain("generated reply");
  });

  it("moderates both ways in pre_and_post, and not the output in pre mode", async () => {
    server.fake.setResponder(() => modelJson("Parking is free."));
    const both = await turn(withModeration("pre_and_post"), "Is parking free?");
    expect(both.reply?.text).toBe("Parking is free.");
    expect(server.count("moderations")).toBe(2);
    expect(both.usage.steps.map((s) => s.step)).toEqual(["moderation", "chat", "moderation"]);

    server.fake.requests.length = 0;
    server.fake.setResponder(() => modelJson("What an idiot question."));
    const preOnly = await turn(withModeration("pre"), "Is parking free?");
    expect(server.count("moderations")).toBe(1);
    expect(preOnly.reply?.text).toBe("What an idiot question.");
  });

  it("skips moderation entirely when it is disabled", async () => {
    server.fake.setResponder(() => modelJson("Fine."));
    await turn(
      configOf(minimalDocument({ moderation: { enabled: false, mode: "pre_and_post" } })),
      "you idiot",
    );
    expect(server.count("moderations")).toBe(0);
  });
});
