import { describe, expect, it } from "vitest";
import { demoAgentDocument } from "@agents-crm/config/agent-config";
import { estimateCostUsd } from "../src/providers/pricing";
import { runTurn } from "../src/turn/run-turn";
import type { HistoryMessage, TurnInput } from "../src/turn/types";
import { useTurnServer } from "./turn-fake-server";
import { configOf, modelJson } from "./turn-kit";

const server = useTurnServer(() => modelJson("We are open until 20:00."));
const config = configOf(demoAgentDocument);

function turn(input: Partial<TurnInput> & Pick<TurnInput, "messages">) {
  return runTurn(
    { agentId: "demo", config, history: [], channel: "web_chat", ...input },
    { providers: server.providers },
  );
}

const anna: HistoryMessage[] = [
  { role: "user", content: "Hello!", timestamp: "2025-03-04T07:00:00Z" },
  { role: "agent", content: "Hello, how can I help?", timestamp: "2025-03-04T07:00:01Z" },
];

describe("prompt layout for a provider's prompt cache", () => {
  it("sends the same static prefix to every customer, at any time, in any language; the turn's facts come last", async () => {
    await turn({ messages: ["When are you open?"], now: new Date("2025-03-04T08:00:00Z") });
    await turn({
      messages: ["Сколько стоит чистка? Мой телефон +971 50 123 4567"],
      history: anna,
      now: new Date("2025-03-08T21:30:00Z"),
    });
    const [first, second] = server.chatRequests();
    expect(first!.messages[0]!.role).toBe("system");
    // Byte-identical: persona, rules, examples, escalation and knowledge instructions, answer format.
    expect(second!.messages[0]!.content).toBe(first!.messages[0]!.content);
    const system = first!.messages[0]!.content;
    // (The rules may name the context keys; their values never appear before the last message.)
    for (const perTurn of [
      "clinic_time: ",
      "customer_language: ",
      "rule_signals: ",
      "When are you",
    ])
      expect(system).not.toContain(perTurn);
    // Time, language, rule hits and the customer's words are in the last message only.
    const last = second!.messages.at(-1)!.content;
    expect(last).toContain("clinic_time: ");
    expect(last).toContain("customer_language: ru");
    expect(last).toContain("rule_signals: ");
    expect(last).toContain("Сколько стоит чистка?");
    for (const message of second!.messages.slice(0, -1)) {
      expect(message.content).not.toContain("clinic_time: ");
      expect(message.content).not.toContain("Сколько стоит");
    }
  });

  it("reports the prompt tokens the provider served from cache, and prices them at the cached rate", async () => {
    server.fake.reset(); // a cold cache
    server.fake.setResponder(() => modelJson("We are open until 20:00."));
    const cold = await turn({ messages: ["When are you open?"] });
    const warm = await turn({ messages: ["Do you take insurance?"], history: anna });
    expect(cold.usage.cachedTokens).toBe(0);
    const chat = warm.usage.steps.find((step) => step.step === "chat")!;
    // OpenAI's cache: at least 1024 tokens, in steps of 128, never more than the prompt.
    expect(warm.usage.cachedTokens).toBeGreaterThanOrEqual(1024);
    expect((warm.usage.cachedTokens - 1024) % 128).toBe(0);
    expect(chat.usage.cachedTokens).toBe(warm.usage.cachedTokens);
    expect(chat.usage.cachedTokens).toBeLessThanOrEqual(chat.usage.promptTokens);
    const uncached = estimateCostUsd(chat.model, { ...chat.usage, cachedTokens: 0 });
    expect(chat.costUsd).toBeLessThan(uncached);
    expect(chat.costUsd).toBe(estimateCostUsd(chat.model, chat.usage));
  });
});
