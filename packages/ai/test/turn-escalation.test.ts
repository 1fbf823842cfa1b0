import { describe, expect, it } from "vitest";
import { runTurn } from "../src/turn/run-turn";
import { DEFAULT_TEXTS } from "../src/turn/default-texts";
import type { TurnInput } from "../src/turn/types";
import { useTurnServer } from "./turn-fake-server";
import { configOf, minimalDocument, modelJson } from "./turn-kit";

const server = useTurnServer();

const config = configOf(
  minimalDocument({
    escalation: {
      triggers: {
        urgent_keywords: ["сильная боль", "chest pain"],
        booking_keywords: ["записаться", "book"],
      },
    },
  }),
);

function turn(messages: string[], overrides: Partial<TurnInput> = {}) {
  return runTurn(
    { agentId: "test_agent", config, history: [], messages, channel: "web_chat", ...overrides },
    { providers: server.providers },
  );
}

describe("escalation", () => {
  it("takes effect when the model declares it, and the customer gets the type's handoff text", async () => {
    server.fake.setResponder(() =>
      modelJson("A colleague will help you.", {
        needed: true,
        type: "repeat_patient",
        reason: "Asks about her own treatment plan",
      }),
    );
    const result = await turn(["What was in my treatment plan from last month?"]);
    expect(result.escalation).toMatchObject({
      needed: true,
      type: "repeat_patient",
      reason: "Asks about her own treatment plan",
      confidence: 0.9,
      source: "model",
    });
    expect(result.escalation.summary).toMatchObject({ why: "Asks about her own treatment plan" });
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.repeat_patient_handoff!.en);
  });

  it("escalates on a keyword rule when the model says no, in the customer's language", async () => {
    server.fake.setResponder(() => modelJson("Давайте разберёмся."));
    const result = await turn(["У меня СИЛЬНАЯ боль в груди"]);
    expect(result.escalation).toMatchObject({ needed: true, type: "urgent", source: "rules" });
    expect(result.escalation.reason).toContain("сильная боль");
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.urgent_emergency_message!.ru);
    expect(result.triggers).toEqual([
      { list: "urgent_keywords", keyword: "сильная боль", type: "urgent" },
      {
        list: "safety_net",
        keyword: "боль в груди",
        type: "urgent",
        category: "urgent",
        words: ["боль в груди"],
      },
      {
        list: "safety_net",
        keyword: "боль",
        type: "medical",
        category: "symptoms",
        words: ["боль"],
      },
    ]);
    expect(server.count("chat")).toBe(1);
  });

  it("hands over when the customer shares a phone number, whatever the model says", async () => {
    server.fake.setResponder(() => modelJson("Thanks!"));
    const result = await turn(["sure, call me on +44 20 7946 0958 after 5"]);
    expect(result.escalation).toMatchObject({ needed: true, type: "contact", source: "rules" });
    expect(result.contacts.phoneNumbers).toEqual(["+442079460958"]);
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.handoff_after_phone_stop!.en);
  });

  it("keeps the most severe escalation when model and rules disagree", async () => {
    server.fake.setResponder(() =>
      modelJson("Let's book you in.", {
        needed: true,
        type: "booking",
        reason: "Wants an appointment",
      }),
    );
    const urgent = await turn(["I want to book, I have chest pain"]);
    expect(urgent.escalation).toMatchObject({ type: "urgent", source: "rules" });

    server.fake.setResponder(() =>
      modelJson("Please call 999.", {
        needed: true,
        type: "urgent",
        reason: "Breathing difficulty",
      }),
    );
    const modelWins = await turn(["can I book? I can barely breathe"]);
    expect(modelWins.escalation).toMatchObject({
      type: "urgent",
      source: "model",
      reason: "Breathing difficulty",
    });
  });

  it("does not escalate when neither the model nor a rule asks for it", async () => {
    server.fake.setResponder(() => modelJson("We are open until 8 pm."));
    const result = await turn(["Until when are you open?"]);
    expect(result.escalation).toMatchObject({ needed: false, type: "none" });
    expect(result.reply).toEqual({
      text: "We are open until 8 pm.",
      parts: ["We are open until 8 pm."],
    });
  });
});

describe("handoff templates", () => {
  const templated = configOf(
    minimalDocument({
      escalation: {
        actions: {
          on_booking_intent: [
            { type: "send_message", template_id: "booking_ask" },
            { type: "handoff" },
          ],
        },
      },
      prompts: {
        templates: {
          urgent_emergency_message: {
            en: "Call 998 now, {clinic_display_name} is alerting staff.",
            ru: "Звоните 998, {clinic_display_name} уже в курсе.",
          },
          booking_ask: "Leave your number for {doctor_display_name}'s team {please}.",
        },
      },
    }),
  );
  const escalateAs = (type: string) => () =>
    modelJson("handing over", { needed: true, type, reason: type });
  const run = (message: string) =>
    runTurn(
      { agentId: "a", config: templated, history: [], messages: [message], channel: "telegram" },
      { providers: server.providers },
    );

  it("sends the configured template in the customer's language, placeholders filled", async () => {
    server.fake.setResponder(escalateAs("urgent"));
    expect((await run("help me please")).reply?.text).toBe(
      "Call 998 now, Test Clinic is alerting staff.",
    );
    expect((await run("помогите")).reply?.text).toBe("Звоните 998, Test Clinic уже в курсе.");
  });

  it("uses the template an action names, and defaults for types without one (Arabic too)", async () => {
    server.fake.setResponder(escalateAs("booking"));
    expect((await run("I want an appointment")).reply?.text).toBe(
      "Leave your number for Dr. Test's team {please}.",
    );
    server.fake.setResponder(escalateAs("medical"));
    expect((await run("ما هو العلاج المناسب لي؟")).reply?.text).toBe(
      DEFAULT_TEXTS.no_med_advice_offer_booking!.ar,
    );
    server.fake.setResponder(escalateAs("custom"));
    expect((await run("I want a refund")).reply?.text).toBe(DEFAULT_TEXTS.handoff_message!.en);
  });
});
