import { describe, expect, it } from "vitest";
import { DEFAULT_TEXTS } from "../src/turn/default-texts";
import { runTurn } from "../src/turn/run-turn";
import { useTurnServer } from "./turn-fake-server";
import { configOf, minimalDocument, modelJson, recordingLogger } from "./turn-kit";

const server = useTurnServer();

const SECRET_TEXT = "my very private question about my invoice";
const config = configOf(
  minimalDocument({
    prompts: { templates: { llm_error_fallback: { ru: "Ошибка, скоро ответим." } } },
  }),
);

function turn(messages = [SECRET_TEXT], logger = recordingLogger(), turnConfig = config) {
  return runTurn(
    { agentId: "test_agent", config: turnConfig, history: [], messages, channel: "web_chat" },
    { providers: server.providers, logger },
  );
}

describe("malformed answers", () => {
  it("are retried once with a corrective note, then fall back to the safe text", async () => {
    server.fake.setResponder(() => ({ content: "Sure! Here is your answer without JSON." }));
    const logger = recordingLogger();
    const result = await turn([SECRET_TEXT], logger);
    const chats = server.chatRequests();
    expect(chats).toHaveLength(2);
    expect(chats[1]!.messages.at(-1)!.content).toContain(
      "could not be used (the answer was not valid JSON)",
    );
    expect(chats[1]!.messages.at(-2)).toEqual({
      role: "assistant",
      content: "Sure! Here is your answer without JSON.",
    });
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.llm_error_fallback!.en);
    expect(result.escalation).toMatchObject({ needed: true, source: "error" });
    expect(result.flags.fallback).toBe(true);
    expect(result.usage.steps.filter((step) => step.step === "chat")).toHaveLength(2);
    expect(JSON.stringify(logger.entries)).not.toContain("invoice");
  });

  it("are recovered by the retry when the second answer is valid", async () => {
    let calls = 0;
    server.fake.setResponder(() =>
      ++calls === 1 ? { json: { reply: "missing the rest" } } : modelJson("Here it is."),
    );
    const result = await turn();
    expect(result.reply?.text).toBe("Here it is.");
    expect(result.flags).toMatchObject({ retried: true });
    expect(result.flags.fallback).toBeUndefined();
    expect(result.escalation.needed).toBe(false);
  });
});

describe("model failures", () => {
  it("give the customer the fallback text, escalate with source error, and log no message text", async () => {
    server.fake.failNext(2, 500, undefined, undefined, "chat");
    const logger = recordingLogger();
    const result = await turn([SECRET_TEXT], logger);
    expect(server.count("chat")).toBe(2);
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.llm_error_fallback!.en);
    expect(result.escalation).toMatchObject({ needed: true, type: "custom", source: "error" });
    expect(result.escalation.reason).toContain("server");
    expect(result.flags.fallback).toBe(true);
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]).toMatchObject({
      level: "error",
      fields: { agentId: "test_agent", kind: "server", status: 500 },
    });
    expect(JSON.stringify(logger.entries)).not.toContain("invoice");
    expect(result.reply?.text).not.toMatch(/500|error/i);
  });

  it("uses the configured fallback template in the customer's language", async () => {
    server.fake.failNext(2, 503, undefined, undefined, "chat");
    const result = await turn(["Сколько стоит приём?"]);
    expect(result.reply?.text).toBe("Ошибка, скоро ответим.");
  });

  it("fall back on a timeout too", async () => {
    server.fake.setLatency(1500, { endpoint: "chat" });
    const slow = configOf(minimalDocument({ llm: { timeout: 1 } }));
    const result = await turn([SECRET_TEXT], recordingLogger(), slow);
    expect(result.escalation).toMatchObject({ needed: true, source: "error" });
    expect(result.escalation.reason).toContain("timeout");
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.llm_error_fallback!.en);
  });

  it("still hand over with the rule's own template when the model is down", async () => {
    server.fake.failNext(2, 500, undefined, undefined, "chat");
    const result = await turn(["call me back: +1 415 555 2671"]);
    expect(result.escalation).toMatchObject({ needed: true, type: "contact", source: "rules" });
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.handoff_after_phone_stop!.en);
    expect(result.flags.fallback).toBe(true);
  });

  it("end quietly when the caller aborts the turn", async () => {
    server.fake.setLatency(2000, { endpoint: "chat" });
    const logger = recordingLogger();
    const started = Date.now();
    const result = await runTurn(
      {
        agentId: "a",
        config,
        history: [],
        messages: [SECRET_TEXT],
        channel: "web_chat",
        signal: AbortSignal.timeout(100),
      },
      { providers: server.providers, logger },
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.flags.fallback).toBe(true);
    expect(logger.entries).toEqual([]);
  });

  it("answer nothing (and call nothing) for blank messages", async () => {
    const result = await turn(["   ", ""]);
    expect(result.reply).toBeNull();
    expect(server.fake.requests).toHaveLength(0);
  });
});
