import { describe, expect, it } from "vitest";
import { createOfflineChatProvider } from "../src/offline/chat-provider";
import { ReplyExtractor } from "../src/turn/reply-extractor";
import { streamTurn } from "../src/turn/stream-turn";
import type { TurnEvent, TurnResult } from "../src/turn/types";
import { useTurnServer } from "./turn-fake-server";
import { configOf, minimalDocument } from "./turn-kit";

const server = useTurnServer();

const config = configOf(
  minimalDocument({ escalation: { triggers: { urgent_keywords: ["chest pain"] } } }),
);

async function collect(
  events: AsyncIterable<TurnEvent>,
): Promise<{ deltas: string[]; result: TurnResult }> {
  const deltas: string[] = [];
  for await (const event of events) {
    if (event.type === "delta") deltas.push(event.text);
    else return { deltas, result: event.result };
  }
  throw new Error("no result");
}

const hasLoneSurrogate = (text: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe("ReplyExtractor", () => {
  it("decodes the reply string across any chunking, escapes and surrogate pairs included", () => {
    const reply = 'Say "hi"\\ to Zoë 😀\nand \t tabs / slashes ✓';
    const json = `{ "reply" : ${JSON.stringify(reply).replace("😀", "\\ud83d\\ude00").replace("ë", "\\u00eb")}, "escalation": {"reply": "x"}, "sources_used": ["reply"] }`;
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const extractor = new ReplyExtractor();
      const deltas = chunked(json, size).map((chunk) => extractor.push(chunk));
      expect(deltas.join("")).toBe(reply);
      expect(deltas.some(hasLoneSurrogate)).toBe(false);
      expect(extractor.replyDone).toBe(true);
    }
  });

  it("ignores text before the object and a nested key called reply", () => {
    const extractor = new ReplyExtractor();
    const out = extractor.push('```json\n{"escalation": {"reply": "no"}, "reply": "yes"}\n```');
    expect(out).toBe("yes");
  });
});

describe("streamTurn", () => {
  it("streams the reply text in deltas that reassemble to the final reply", async () => {
    const reply = 'Cleaning costs 350 AED — "from" price; café ☕ included.\nSee you!';
    const content = JSON.stringify({
      reply,
      escalation: { needed: false, type: "none", reason: "", confidence: 0.7 },
      sources_used: [],
    });
    server.fake.setResponder(() => ({ content, chunks: chunked(content, 4) }));
    const { deltas, result } = await collect(
      streamTurn(
        {
          agentId: "a",
          config,
          history: [],
          messages: ["How much is a cleaning?"],
          channel: "web_chat",
        },
        { providers: server.providers },
      ),
    );
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join("")).toBe(reply);
    expect(result.reply?.text).toBe(reply);
    expect(result.usage.steps.map((step) => step.step)).toEqual(["chat"]);
    expect(result.usage.llmLatencyMs).toBeGreaterThanOrEqual(0);
  });

  it("streams nothing of the model's text when a rule already decided on a handoff template", async () => {
    server.fake.setResponder(() => ({
      json: {
        reply: "Some model text",
        escalation: { needed: false, type: "none", reason: "", confidence: 0.5 },
        sources_used: [],
      },
    }));
    const { deltas, result } = await collect(
      streamTurn(
        { agentId: "a", config, history: [], messages: ["I have chest pain"], channel: "web_chat" },
        { providers: server.providers },
      ),
    );
    expect(deltas).toEqual([]);
    expect(result.escalation.type).toBe("urgent");
  });

  it("streams the offline model's reply in small deltas", async () => {
    const providers = { ...server.providers, chat: createOfflineChatProvider(), offline: true };
    const { deltas, result } = await collect(
      streamTurn(
        { agentId: "a", config, history: [], messages: ["Hello!"], channel: "instagram" },
        { providers },
      ),
    );
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join("")).toBe(result.reply?.text);
    expect(result.flags.offline).toBe(true);
  });
});
