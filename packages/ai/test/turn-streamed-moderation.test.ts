import { describe, expect, it } from "vitest";
import { DEFAULT_TEXTS } from "../src/turn/default-texts";
import { streamTurn } from "../src/turn/stream-turn";
import { COALESCE_MS, StreamedModeration } from "../src/turn/streamed-moderation";
import type { TurnEvent } from "../src/turn/types";
import { useTurnServer } from "./turn-fake-server";
import { configOf, minimalDocument, modelJson } from "./turn-kit";

const server = useTurnServer();
const config = configOf(minimalDocument({ moderation: { enabled: true, mode: "pre_and_post" } }));
const silent = { warn: () => undefined };

const moderatedInputs = () =>
  server.fake.requests
    .filter((request) => request.endpoint === "moderations")
    .map((request) => (request.body as { input: string }).input);

async function collect(events: AsyncIterable<TurnEvent>) {
  const deltas: string[] = [];
  for await (const event of events) {
    if (event.type === "delta") deltas.push(event.text);
    else return { deltas, result: event.result };
  }
  throw new Error("no result");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SENTENCES = [
  "Professional teeth cleaning costs 350 AED and takes about 45 minutes in our clinic.",
  "We are open Monday to Friday from 9:00 to 20:00 and on Saturday from 10:00 to 16:00.",
  "Our administrator can find a convenient time for you if you leave a phone number.",
  "Is there anything else I can help with today?",
];

describe("output moderation while the reply streams", () => {
  it("checks complete sentences as they arrive, each run after the sentence before it, and leaves only the tail for the end", async () => {
    const watcher = new StreamedModeration(server.providers.moderator, config, {
      agentId: "a",
      logger: silent,
    });
    const reply = SENTENCES.join(" ");
    let sent = "";
    for (const sentence of SENTENCES) {
      sent += (sent ? " " : "") + sentence;
      watcher.update(sent);
      await sleep(COALESCE_MS * 2);
    }
    // The last sentence has no space after it yet: it may continue, so it waits for the reply to end.
    watcher.complete(reply);
    const verdict = await watcher.verdict();
    expect(verdict.flagged).toBe(false);
    const inputs = moderatedInputs();
    expect(inputs.length).toBeGreaterThan(1);
    expect(inputs.at(-1)).toContain(SENTENCES[3]);
    expect(inputs.at(-1)!.length).toBeLessThan(reply.length);
    // Every sentence was checked, and every check after the first starts with the last one checked.
    for (const sentence of SENTENCES)
      expect(inputs.some((input) => input.includes(sentence))).toBe(true);
    for (const [index, input] of inputs.entries())
      if (index > 0) expect(inputs[index - 1]).toContain(input.slice(0, 30));
    expect(verdict.metrics).toHaveLength(inputs.length);
  });

  it("checks a reply that arrives at once in one call", async () => {
    const watcher = new StreamedModeration(server.providers.moderator, config, {
      agentId: "a",
      logger: silent,
    });
    const reply = SENTENCES.join(" ");
    let sent = "";
    for (const sentence of SENTENCES) {
      sent += (sent ? " " : "") + sentence;
      watcher.update(sent);
    }
    watcher.complete(reply);
    const verdict = await watcher.verdict();
    expect(verdict.flagged).toBe(false);
    expect(moderatedInputs()).toEqual([reply]);
    // Nothing is left to fire after the reply is complete.
    await sleep(COALESCE_MS * 2);
    expect(moderatedInputs()).toHaveLength(1);
  });

  it("flags a reply mid-stream: the rest never reaches the customer and the turn hands over", async () => {
    const clean = Array.from(
      { length: 30 },
      (_, i) => `Sentence ${i + 1} tells you something calm about our clinic and its services.`,
    );
    const reply = [
      SENTENCES[0],
      "Only an idiot would ask that, frankly speaking, my friend.",
      ...clean,
    ].join(" ");
    server.fake.setResponder(() => modelJson(reply));
    // The answer streams slowly enough that the flag is in long before its end.
    server.fake.setLatency(3000, { endpoint: "chat", spreadAcrossChunks: true });
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
    expect(result.escalation).toMatchObject({
      needed: true,
      type: "moderation",
      source: "moderation",
    });
    expect(result.escalation.reason).toContain("generated reply");
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.moderation_handoff!.en);
    expect(result.flags.moderationFlagged).toBe(true);
    const streamed = deltas.join("");
    expect(streamed).toContain("idiot");
    expect(streamed).not.toContain(clean.at(-1));
  });

  it("moderates the answer that is used when the first attempt was malformed", async () => {
    let calls = 0;
    server.fake.setResponder(() =>
      ++calls === 1 ? { content: '{"reply": "Half an answer. And' } : modelJson("Parking is free."),
    );
    const { result } = await collect(
      streamTurn(
        { agentId: "a", config, history: [], messages: ["Is parking free?"], channel: "web_chat" },
        { providers: server.providers },
      ),
    );
    expect(result.reply?.text).toBe("Parking is free.");
    expect(moderatedInputs()).toContain("Parking is free.");
  });
});
