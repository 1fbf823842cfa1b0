import { describe, expect, it } from "vitest";
import { DEFAULT_TEXTS } from "../src/turn/default-texts";
import { runTurn } from "../src/turn/run-turn";
import { streamTurn } from "../src/turn/stream-turn";
import type { TurnEvent, TurnInput, TurnResult } from "../src/turn/types";
import { useTurnServer } from "./turn-fake-server";
import { configOf, minimalDocument, offlineProviders } from "./turn-kit";

const server = useTurnServer();

// Tuesday noon in UTC: open under the default working hours.
const now = new Date("2025-03-04T12:00:00Z");
const config = configOf(
  minimalDocument({
    escalation: { triggers: { urgent_keywords: ["chest pain"], medical_question_keywords: [] } },
  }),
);
// An imported agent whose templates are single Russian strings.
const russianTemplates = configOf(
  minimalDocument({
    escalation: { triggers: { urgent_keywords: ["chest pain"] } },
    prompts: {
      templates: {
        urgent_emergency_message: "Срочно звоните 103. {clinic_display_name} уже в курсе.",
        handoff_message: "Передаю ваш вопрос коллеге из {clinic_display_name}.",
      },
    },
  }),
);

function input(messages: string[], overrides: Partial<TurnInput> = {}): TurnInput {
  return { agentId: "a", config, history: [], messages, channel: "web_chat", now, ...overrides };
}

interface Escalation {
  needed: boolean;
  type: string;
  reason?: string;
  summary?: string;
  handoff_reply?: string;
}

function answer(reply: string, escalation: Escalation): string {
  return JSON.stringify({
    reply,
    escalation: { reason: "", confidence: 0.9, summary: "", handoff_reply: "", ...escalation },
    sources_used: [],
  });
}

/** The fake server streams `content` in small chunks, as a real model would. */
function respondWith(content: string): void {
  server.fake.setResponder(() => ({
    content,
    chunks: content.match(/[\s\S]{1,5}/g) ?? [content],
  }));
}

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

const deps = () => ({ providers: server.providers });

describe("handoff summary, with a model", () => {
  it("comes from the same structured call and never leaks into the streamed reply", async () => {
    const summary = "Wants to know how much ibuprofen to take for tooth pain";
    respondWith(
      answer("I'm passing this to our doctor.", {
        needed: true,
        type: "medical",
        reason: "Dosage question",
        summary,
        handoff_reply: "ignored: the templates are in English",
      }),
    );
    const { deltas, result } = await collect(
      // A message the safety net lets through, so the model's reply streams and the model decides.
      streamTurn(input(["I'd like your doctor's opinion on something, can you help?"]), deps()),
    );
    expect(server.count("chat")).toBe(1);
    const schema = JSON.stringify(server.chatRequests()[0]?.responseFormat);
    expect(schema).toContain('"summary"');
    expect(schema).toContain('"handoff_reply"');
    expect(deltas.join("")).toBe("I'm passing this to our doctor.");
    expect(deltas.join("")).not.toContain("ibuprofen");
    expect(result.escalation).toMatchObject({ needed: true, type: "medical" });
    expect(result.escalation.summary).toEqual({
      want: summary,
      why: "Dosage question",
      contacts: [],
      by: "model",
    });
    expect(result.reply?.text).not.toContain("ignored");
  });

  it("is written by the rules when the model leaves it empty, quoting the deciding sentence", async () => {
    respondWith(answer("Please rest.", { needed: false, type: "none" }));
    const { deltas, result } = await collect(
      streamTurn(
        input(["Hello there. I have chest pain since the morning! What should I do?"]),
        deps(),
      ),
    );
    expect(deltas).toEqual([]);
    expect(result.escalation.type).toBe("urgent");
    expect(result.escalation.summary).toEqual({
      want: "I have chest pain since the morning!",
      why: 'Keyword "chest pain" (urgent_keywords)',
      contacts: [],
      by: "rules",
      // So the console can word it in its reader's language.
      cause: { code: "keyword", kind: "urgent_keywords", detail: "chest pain" },
    });
  });

  it("is absent when nothing is handed over", async () => {
    respondWith(answer("A cleaning is 350 AED.", { needed: false, type: "none", summary: "x" }));
    const result = await runTurn(input(["How much is a cleaning?"]), deps());
    expect(result.escalation).toMatchObject({ needed: false, summary: null });
  });
});

describe("handoff summary, offline", () => {
  it("quotes the customer and lists the contacts they shared", async () => {
    const offline = offlineProviders();
    const result = await runTurn(
      input(["Please call me back on +7 916 123-45-67 or ivan@example.com"]),
      { providers: offline },
    );
    expect(result.escalation.type).toBe("contact");
    expect(result.escalation.summary).toEqual({
      want: "Please call me back on +7 916 123-45-67 or ivan@example.com",
      // The rules that found the phone say why (the offline model gives no reason of its own), with
      // the cause staff read in their language.
      why: "The customer shared a phone number",
      cause: { code: "contact_shared", kind: "phone" },
      contacts: ["+79161234567", "ivan@example.com"],
      by: "rules",
    });
  });
});

describe("handoff template in the customer's language", () => {
  const english = ["I have chest pain, help"];

  it("offers the agent's template that applies and sends the model's rendering", async () => {
    const rendered = "Call 103 now. Test Clinic already knows.";
    respondWith(
      answer("", {
        needed: true,
        type: "urgent",
        reason: "Chest pain",
        summary: "Has chest pain",
        handoff_reply: rendered,
      }),
    );
    const result = await runTurn(input(english, { config: russianTemplates }), deps());
    const context = server.chatRequests()[0]?.messages.at(-1)?.content ?? "";
    expect(context).toContain(
      'handoff_templates: urgent: "Срочно звоните 103. Test Clinic уже в курсе."',
    );
    expect(context).not.toContain("Передаю");
    expect(result.reply?.text).toBe(rendered);
    expect(result.escalation.summary?.want).toBe("Has chest pain");
  });

  it("lists every type's template when the rules do not decide, grouped by template", async () => {
    respondWith(answer("Hello!", { needed: false, type: "none" }));
    await runTurn(input(["Hello"], { config: russianTemplates }), deps());
    const context = server.chatRequests()[0]?.messages.at(-1)?.content ?? "";
    expect(context).toContain('urgent: "Срочно звоните 103. Test Clinic уже в курсе."');
    expect(context).toContain('custom: "Передаю ваш вопрос коллеге из Test Clinic."');
  });

  it("is not used when the model wrote it in another language than the customer's", async () => {
    respondWith(
      answer("", {
        needed: true,
        type: "urgent",
        reason: "x",
        handoff_reply: "Срочно звоните 103.",
      }),
    );
    const result = await runTurn(input(english, { config: russianTemplates }), deps());
    expect(result.reply?.text).not.toBe("Срочно звоните 103.");
  });

  it("renders the template the rules chose, whatever type the model declares", async () => {
    const rendered = "Call 103 now. Test Clinic already knows.";
    respondWith(
      answer("", {
        needed: true,
        type: "custom",
        reason: "Wants a person",
        handoff_reply: rendered,
      }),
    );
    const result = await runTurn(input(english, { config: russianTemplates }), deps());
    expect(result.escalation.type).toBe("urgent");
    expect(result.reply?.text).toBe(rendered);
  });

  it("asks for nothing when the agent's templates are in the customer's language", async () => {
    respondWith(answer("", { needed: true, type: "urgent", reason: "x", handoff_reply: "Hi" }));
    const result = await runTurn(
      input(["У меня болит в груди, chest pain"], { config: russianTemplates }),
      deps(),
    );
    const context = server.chatRequests()[0]?.messages.at(-1)?.content ?? "";
    expect(context).not.toContain("handoff_templates");
    expect(result.reply?.text).toBe("Срочно звоните 103. Test Clinic уже в курсе.");
  });

  it("without a rendering, falls back to the customer-language text the templates give", async () => {
    respondWith(answer("", { needed: true, type: "urgent", reason: "x" }));
    const result = await runTurn(input(english, { config }), deps());
    expect(result.reply?.text).toBe(DEFAULT_TEXTS.urgent_emergency_message!.en);
  });
});
