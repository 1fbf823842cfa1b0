import { afterEach, describe, expect, it } from "vitest";
import { createOpenAIModerator } from "../src/providers/openai-moderator";
import { startFakeOpenAI, type FakeOpenAI } from "../src/testing";

describe("OpenAI moderator", () => {
  let fake: FakeOpenAI | undefined;
  afterEach(() => fake?.close());

  it("maps a flagged result to the highest-scoring category, normalised", async () => {
    fake = await startFakeOpenAI({
      flaggedTerms: { "hurt myself": "self-harm/intent", idiot: "harassment/threatening" },
    });
    const moderator = createOpenAIModerator({ apiKey: "k", baseURL: fake.url });
    const result = await moderator.moderate("I want to hurt myself");

    expect(fake.requests[0]?.body).toEqual({
      model: "omni-moderation-latest",
      input: "I want to hurt myself",
    });
    expect(result.flagged).toBe(true);
    expect(result.category).toBe("self-harm");
    expect(result.categories["self-harm/intent"]).toBe(true);
    expect(result.categories["self-harm"]).toBe(true);
    expect(result.categories.violence).toBe(false);
    expect(result.categoryScores["self-harm/intent"]).toBeCloseTo(0.97);
    expect(result.metrics).toMatchObject({ step: "moderation", costUsd: 0, attempts: 1 });
    expect(result.metrics.model).toMatch(/^omni-moderation/);

    const harassment = await moderator.moderate("you IDIOT");
    expect(harassment.category).toBe("harassment");
  });

  it("passes clean text", async () => {
    fake = await startFakeOpenAI();
    const result = await createOpenAIModerator({ apiKey: "k", baseURL: fake.url }).moderate(
      "Do you work on Sundays?",
    );
    expect(result).toMatchObject({ flagged: false, category: null });
  });

  it("degrades to not flagged on a server without /moderations, warning once and calling it once", async () => {
    fake = await startFakeOpenAI({ supportsModerations: false });
    const warnings: string[] = [];
    const moderator = createOpenAIModerator({
      apiKey: "k",
      baseURL: fake.url,
      logger: { warn: (message) => warnings.push(message) },
    });
    const first = await moderator.moderate("you idiot");
    const second = await moderator.moderate("you idiot");

    for (const result of [first, second]) {
      expect(result).toMatchObject({
        flagged: false,
        category: null,
        metrics: { degraded: "moderation_unavailable" },
      });
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain("idiot");
    expect(fake.requests).toHaveLength(1);
  });

  it("throws typed errors for other failures (the caller decides fail-open or closed)", async () => {
    fake = await startFakeOpenAI();
    fake.failNext(3, 500, undefined, {}, "moderations");
    const moderator = createOpenAIModerator({
      apiKey: "k",
      baseURL: fake.url,
      retryBaseDelayMs: 5,
    });
    await expect(moderator.moderate("hello")).rejects.toMatchObject({
      kind: "server",
      attempts: 3,
    });
  });
});
