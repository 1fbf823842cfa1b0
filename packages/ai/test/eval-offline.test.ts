import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseServerEnv } from "@agents-crm/config/env";
import { main } from "../eval/cli";
import { loadConversations } from "../eval/conversation-set";
import { formatTable } from "../eval/report-table";
import { runEval, type EvalReport } from "../eval/run-eval";
import type { Rate } from "../eval/score";

function expectRate(rate: Rate) {
  expect(rate.hits).toBeGreaterThanOrEqual(0);
  expect(rate.hits).toBeLessThanOrEqual(rate.of);
  if (rate.of > 0) expect(rate.rate).toBeCloseTo(rate.hits / rate.of, 2);
  else expect(rate.rate).toBeNull();
}

// The eval as CI runs it: no key, no base URL, so the offline model answers every turn.
describe("npm run eval on the offline model", () => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await runEval({ env: parseServerEnv({}) });
  });

  it("runs every labelled conversation, in all three languages, through the offline model", async () => {
    const set = await loadConversations();
    expect(report.model.label).toMatch(/offline/i);
    expect(report.model).toMatchObject({ chatModel: "offline", offline: true });
    expect(report.agent).toEqual({ id: "demo_clinic", origin: "demo" });
    expect(report.scores.conversations).toBe(set.length);
    expect(report.scores.turns).toBe(set.reduce((n, c) => n + c.turns.length, 0));
    expect(new Set(set.map((c) => c.language))).toEqual(new Set(["en", "ru", "ar"]));
    expect(Object.keys(report.scores.perCategory)).toEqual(
      expect.arrayContaining([
        "known_answer",
        "multi_question",
        "booking",
        "phone",
        "urgent",
        "medical",
        "medication",
        "pregnancy",
        "children",
        "test_results",
        "abuse",
        "after_hours",
      ]),
    );
  });

  it("scores with rates that add up, and numbers a working offline model must reach", () => {
    const { scores } = report;
    for (const rate of [
      scores.escalation.handoffRecall,
      scores.escalation.falseHandoffs,
      scores.escalation.accuracy,
      scores.languageMatch.overall,
      scores.answers,
      scores.afterHoursNote,
      scores.medicalAdvice.violations,
      ...Object.values(scores.perCategory),
      ...Object.values(scores.escalation.perType).flatMap((t) => [t.precision, t.recall]),
    ])
      expectRate(rate);
    // What the offline model does by rules today: bookings and phone numbers hand over, English and
    // Russian replies stay in the customer's language, the clinic's facts are found, nothing crashes.
    expect(scores.escalation.perType.booking?.recall.rate).toBe(1);
    expect(scores.escalation.perType.contact?.recall.rate).toBe(1);
    expect(scores.languageMatch.perLanguage.en?.rate).toBe(1);
    expect(scores.languageMatch.perLanguage.ru?.rate).toBe(1);
    expect(scores.perCategory.known_answer!.rate).toBeGreaterThan(0.8);
    expect(scores.answers.rate).toBeGreaterThan(0.5);
    expect(scores.escalation.falseHandoffs.rate).toBeLessThan(0.2);
    expect(scores.medicalAdvice.violations.hits).toBe(0);
    expect(scores.fallbacks).toBe(0);
    expect(scores.latencyMs.p50).toBeGreaterThan(0);
    expect(scores.latencyMs.p95).toBeGreaterThanOrEqual(scores.latencyMs.p50!);
    expect(scores.usage.tokensPerConversation).toBeGreaterThan(0);
    expect(scores.usage.totalCostUsd).toBe(0);
    expect(scores.misses.length).toBeGreaterThan(0);
    expect(report.turns).toHaveLength(scores.turns);
  });

  it("prints the table and compares two saved reports", async () => {
    expect(formatTable([report])).toMatch(/booking recall\s+1\.00 \(\d+\/\d+\)/);
    const dir = await mkdtemp(join(tmpdir(), "eval-"));
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const [a, b] = [join(dir, "a.json"), join(dir, "b.json")];
      await writeFile(a, JSON.stringify(report));
      await writeFile(b, JSON.stringify(report));
      expect(await main(["--compare", a, b], {})).toBe(0);
      const printed = log.mock.calls.map((call) => String(call[0])).join("\n");
      expect(printed).toMatch(/^A: Offline/m);
      expect(printed).toMatch(/booking recall\s+1\.00 \(\d+\/\d+\)\s+1\.00 \(\d+\/\d+\)\s+\+0/);
      await writeFile(b, "{}");
      await expect(main(["--compare", a, b], {})).rejects.toThrow(/not an eval report/);
    } finally {
      log.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
