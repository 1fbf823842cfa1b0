import { describe, expect, it } from "vitest";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import { DEFAULT_TEXTS } from "../src/turn/default-texts";
import { runTurn } from "../src/turn/run-turn";
import type { HistoryMessage } from "../src/turn/types";
import { useTurnServer } from "./turn-fake-server";
import { configOf, InMemoryChunks, minimalDocument, modelJson } from "./turn-kit";

const server = useTurnServer(() => modelJson("Sure."));

const at = (role: HistoryMessage["role"], content: string): HistoryMessage => ({
  role,
  content,
  timestamp: "2025-03-03T10:00:00Z",
});

describe("history", () => {
  it("shows the model the human admin's replies and the last N turns as given", async () => {
    const config = configOf(minimalDocument({ llm: { max_history_messages: 4 } }));
    const history = [
      at("user", "oldest question"),
      at("agent", "oldest answer"),
      at("user", "Can I change my booking?"),
      at("agent", "A colleague will help."),
      at("admin", "Hi, Maria here: I moved you to Friday 10:00."),
      at("user", "Thank you Maria!"),
    ];
    await runTurn(
      {
        agentId: "a",
        config,
        history,
        messages: ["And what should I bring?"],
        channel: "web_chat",
      },
      { providers: server.providers },
    );
    const sent = server.chatRequests()[0]!.messages;
    expect(sent.map((m) => m.role)).toEqual([
      "system",
      "user",
      "assistant",
      "assistant",
      "user",
      "user",
    ]);
    expect(sent[3]).toEqual({
      role: "assistant",
      content:
        "[Human colleague from the clinic team] Hi, Maria here: I moved you to Friday 10:00.",
    });
    expect(sent[1]!.content).toContain("Can I change my booking?");
    expect(JSON.stringify(sent)).not.toContain("oldest");
    expect(sent.at(-1)!.content).toContain("And what should I bring?");
  });
});

describe("working hours", () => {
  const config = (afterHours: Record<string, unknown>) =>
    configOf(
      minimalDocument({
        working_hours: {
          timezone: "Europe/Moscow",
          schedule: { mon: ["09:00-18:00"], tue: ["09:00-18:00"] },
          after_hours_behavior: afterHours,
        },
        escalation: {
          triggers: {
            booking_keywords: ["book"],
            urgent_keywords: ["chest pain"],
            medical_question_keywords: ["test results"],
          },
        },
      }),
    );
  // Monday 2025-03-03 20:00 in Moscow (UTC+3): closed.
  const night = new Date("2025-03-03T17:00:00Z");
  const day = new Date("2025-03-03T09:00:00Z");
  const turn = (
    cfg: ReturnType<typeof config>,
    message: string,
    now: Date,
    history: HistoryMessage[] = [],
  ) =>
    runTurn(
      { agentId: "a", config: cfg, history, messages: [message], channel: "web_chat", now },
      { providers: server.providers },
    );

  it("tells the model the clinic is closed, and keeps the closed note off informational answers", async () => {
    const cfg = config({ message: "We are closed; we'll reply in the morning." });
    const answer = await turn(cfg, "Do you do X-rays?", night);
    expect(answer.reply?.text).toBe("Sure.");
    expect(answer.flags.afterHours).toBe(true);
    expect(server.chatRequests()[0]!.messages.at(-1)!.content).toContain(
      "the clinic is closed now",
    );
    expect((await turn(cfg, "Do you do X-rays?", day)).reply?.text).toBe("Sure.");
  });

  it("puts the closed note under a handoff that promises a person, once", async () => {
    const cfg = config({ message: "We are closed; we'll reply in the morning." });
    const first = await turn(cfg, "Please check my test results", night);
    expect(first.escalation).toMatchObject({ needed: true, type: "medical" });
    expect(first.reply?.text).toBe(
      `${DEFAULT_TEXTS.no_med_advice_offer_booking!.en}\n\nWe are closed; we'll reply in the morning.`,
    );
    const again = await turn(cfg, "Please check my test results", night, [
      at("user", "Please check my test results"),
      at("agent", first.reply!.text),
    ]);
    expect(again.reply?.text).toBe(DEFAULT_TEXTS.no_med_advice_offer_booking!.en);
  });

  // Regression: "I'm alerting our team so someone contacts you…" was followed by "we are closed".
  it("never contradicts an urgent handoff with the closed note", async () => {
    const cfg = config({ message: "We are closed; we'll reply in the morning." });
    const urgent = await turn(cfg, "I have chest pain", night);
    expect(urgent.escalation).toMatchObject({ needed: true, type: "urgent" });
    expect(urgent.reply?.text).toBe(DEFAULT_TEXTS.urgent_emergency_message!.en);
    expect(urgent.reply?.text).not.toContain("closed");
  });

  it("hands a booking over at once when force_handoff_on_booking, else leaves it to the AI", async () => {
    const forced = await turn(
      config({ force_handoff_on_booking: true }),
      "I want to book a cleaning",
      night,
    );
    expect(forced.escalation).toMatchObject({
      needed: true,
      type: "booking",
      source: "after_hours",
    });
    expect(forced.reply?.text).toBe(
      `${DEFAULT_TEXTS.ask_phone_for_booking!.en}\n\n${DEFAULT_TEXTS.after_hours_message!.en}`,
    );

    const relaxed = await turn(
      config({ force_handoff_on_booking: false }),
      "I want to book a cleaning",
      night,
    );
    expect(relaxed.escalation.needed).toBe(false);
    // The AI takes the booking for a call back: the note says when that call comes.
    expect(relaxed.reply?.text).toBe(`Sure.\n\n${DEFAULT_TEXTS.after_hours_message!.en}`);

    const inHours = await turn(
      config({ force_handoff_on_booking: false }),
      "I want to book a cleaning",
      day,
    );
    expect(inHours.escalation).toMatchObject({ needed: true, type: "booking", source: "rules" });
  });
});

describe("knowledge sources", () => {
  it("reports the excerpts the model cited, else everything retrieved", async () => {
    const knowledge = createKnowledgeBase({
      chunks: new InMemoryChunks(),
      embedder: server.providers.embedder,
    });
    await knowledge.indexAgent("a", [
      { id: "prices", title: "Prices", content: "A cleaning costs 350 AED." },
      { id: "hours", title: "Hours", content: "Open 9 to 18 on weekdays." },
    ]);
    const config = configOf(
      minimalDocument({ rag: { enabled: true, retrieval: { top_k: 5, score_threshold: 0 } } }),
    );
    const ask = () =>
      runTurn(
        {
          agentId: "a",
          config,
          history: [],
          messages: ["How much is a cleaning?"],
          channel: "web_chat",
        },
        { providers: server.providers, knowledge },
      );

    server.fake.setResponder((request) => {
      const match = /<excerpt id="(S\d)" title="Prices">/.exec(request.lastUserMessage);
      return modelJson("A cleaning costs 350 AED.", undefined, match ? [match[1]!, "S99"] : []);
    });
    const cited = await ask();
    expect(cited.sources.map((s) => s.sourceId)).toEqual(["prices"]);

    server.fake.setResponder(() => modelJson("We can help."));
    const uncited = await ask();
    expect(uncited.sources.map((s) => s.sourceId).sort()).toEqual(["hours", "prices"]);
  });
});
