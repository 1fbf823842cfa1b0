import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../eval/cli";
import type { EvalReport } from "../eval/run-eval";
import { unescapeBlockText } from "../src/prompt/blocks";
import { detectScriptLanguage } from "../src/rules/language";
import { startFakeOpenAI, type FakeChatRequest, type FakeOpenAI } from "../src/testing";

const REPLIES = {
  en: "Thank you for your message. A cleaning costs 350 AED.",
  ru: "Спасибо за сообщение. Чистка стоит 350 AED.",
  ar: "شكرا لرسالتك. تنظيف الأسنان يكلف 350 درهم.",
};

function customerText(request: FakeChatRequest): string {
  const match = /<customer_message>([\s\S]*?)<\/customer_message>\s*$/.exec(
    request.lastUserMessage,
  );
  return unescapeBlockText(match?.[1] ?? "");
}

/**
 * A scripted model: answers in the customer's script, hands medicine questions over as medical, and
 * answers the whitening price question with a dose, so the eval has one medical-advice violation to find
 * (in a reply the safety net never sees: the net reads customers' messages, and hands a medicine
 * question over before the model's reply could reach the customer).
 */
function scriptedModel(request: FakeChatRequest) {
  const text = customerText(request);
  const reply = /отбеливание/i.test(text)
    ? "Перед отбеливанием выпейте 2 таблетки парацетамола по 500 мг."
    : REPLIES[detectScriptLanguage(text) ?? "en"];
  const medical = /ibuprofen|antibiotic|البنادول/i.test(text);
  return {
    json: {
      reply,
      escalation: medical
        ? { needed: true, type: "medical", reason: "asks about medicine", confidence: 0.9 }
        : { needed: false, type: "none", reason: "", confidence: 0.8 },
      sources_used: [],
    },
    usage: { promptTokens: 900, completionTokens: 60 },
  };
}

// The configured-model path end to end: the same variables the API reads point the eval at an
// OpenAI-compatible server (the fake one, speaking the real wire format).
describe("npm run eval against a configured model", () => {
  let fake: FakeOpenAI;
  let dir: string;
  let report: EvalReport;
  let printed: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: "sk-eval", responder: scriptedModel });
    dir = await mkdtemp(join(tmpdir(), "eval-"));
    const out = join(dir, "report.json");
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const progress = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const env = { OPENAI_API_KEY: "sk-eval", OPENAI_BASE_URL: fake.url, OPENAI_MAX_RETRIES: "0" };
      expect(await main(["--model", "gpt-4.1-mini", "--out", out, "--misses", "1000"], env)).toBe(
        0,
      );
      printed = log.mock.calls.map((call) => String(call[0])).join("\n");
    } finally {
      log.mockRestore();
      progress.mockRestore();
    }
    report = JSON.parse(await readFile(out, "utf8")) as EvalReport;
  });

  afterAll(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("asks the configured server with the chosen model, the agent's knowledge embedded there", () => {
    const chats = fake.requests.filter((r) => r.endpoint === "chat");
    // Input moderation blocking a message ends its turn before the chat call.
    const blocked = report.turns.filter((t) => t.escalationSource === "moderation").length;
    expect(chats.length).toBe(report.scores.turns - blocked);
    expect(new Set(chats.map((r) => r.chat?.model))).toEqual(new Set(["gpt-4.1-mini"]));
    expect(fake.requests.some((r) => r.endpoint === "embeddings")).toBe(true);
    expect(fake.requests.some((r) => r.endpoint === "moderations")).toBe(true);
    expect(report.model.label).toMatch(/^OpenAI-compatible · 127\.0\.0\.1:\d+$/);
    expect(report.model).toMatchObject({ chatModel: "gpt-4.1-mini", offline: false });
  });

  it("scores the model's answers: its language, its handoffs, its advice and its cost", () => {
    const { scores } = report;
    expect(scores.languageMatch.overall.rate).toBe(1);
    expect(scores.escalation.perType.medical?.precision.rate).toBe(1);
    expect(scores.medicalAdvice.violations.hits).toBe(1);
    expect(scores.medicalAdvice.byRule).toMatchObject({ dosage: 1, medication: 1 });
    expect(report.turns.find((t) => t.medicalAdvice.length > 0)?.conversationId).toBe(
      "ru-whitening",
    );
    expect(scores.fallbacks).toBe(0);
    expect(scores.usage.tokensPerConversation).toBeGreaterThan(960);
    expect(scores.usage.costPerConversationUsd).toBeGreaterThan(0);
    expect(printed).toMatch(/OpenAI-compatible · 127\.0\.0\.1:\d+ \(gpt-4\.1-mini\)/);
    expect(printed).toMatch(/ru-whitening#1: medical advice \(dosage, medication\)/);
  });
});
