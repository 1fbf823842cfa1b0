import { describe, expect, it } from "vitest";
import { runTurn } from "../src/turn/run-turn";
import type { TurnInput } from "../src/turn/types";
import { useTurnServer } from "./turn-fake-server";
import { configOf, minimalDocument, offlineProviders } from "./turn-kit";

const server = useTurnServer();
const now = new Date("2025-03-04T12:00:00Z");
const config = configOf(minimalDocument());

function input(messages: string[]): TurnInput {
  return { agentId: "a", config, history: [], messages, channel: "web_chat", now };
}

function answer(reply: string, customerName?: string): string {
  return JSON.stringify({
    reply,
    escalation: {
      needed: false,
      type: "none",
      reason: "",
      confidence: 0.9,
      summary: "",
      handoff_reply: "",
    },
    sources_used: [],
    ...(customerName === undefined ? {} : { customer_name: customerName }),
  });
}

const offline = offlineProviders;

describe("the customer's name in a turn", () => {
  it("comes from the same structured call as the reply, asked for in its schema", async () => {
    server.fake.setResponder(() => ({ content: answer("Nice to meet you, Maria!", "Maria") }));
    const result = await runTurn(input(["Hi, Maria here, do you do implants?"]), {
      providers: server.providers,
    });
    expect(server.count("chat")).toBe(1);
    expect(JSON.stringify(server.chatRequests()[0]?.responseFormat)).toContain('"customer_name"');
    expect(result.customerName).toBe("Maria");
  });

  it("is absent when the model finds none, and a model's implausible name is dropped", async () => {
    server.fake.setResponder(() => ({ content: answer("We open at 9.", "") }));
    expect(
      (await runTurn(input(["When do you open?"]), { providers: server.providers })).customerName,
    ).toBeUndefined();
    server.fake.setResponder(() => ({ content: answer("Sure.", "maria@example.com") }));
    expect(
      (await runTurn(input(["write to maria@example.com"]), { providers: server.providers }))
        .customerName,
    ).toBeUndefined();
    // An answer without the field (an older prompt) is still a valid answer.
    server.fake.setResponder(() => ({ content: answer("Hello!") }));
    const old = await runTurn(input(["Hello"]), { providers: server.providers });
    expect(old.reply?.text).toBe("Hello!");
    expect(old.customerName).toBeUndefined();
  });

  it("offline, is read by the rules", async () => {
    const named = await runTurn(input(["Здравствуйте, меня зовут Мария"]), {
      providers: offline(),
    });
    expect(named.customerName).toBe("Мария");
    const none = await runTurn(input(["I am looking for a dentist"]), { providers: offline() });
    expect(none.customerName).toBeUndefined();
  });
});
