import { describe, expect, it } from "vitest";
import { modelProblems } from "./messages";
import { problemsOfModel, problemText, type ModelProblem } from "./problem-text";

const base = {
  baseURL: "http://vllm:8000/v1",
  message: "",
  firstSeenAt: "2026-12-06T22:00:00.000Z",
  lastSeenAt: "2026-12-06T22:00:00.000Z",
  count: 1,
};
const missing: ModelProblem = {
  ...base,
  kind: "model_not_found",
  model: "gpt-4o-mni",
  availableModels: ["llama3.1:8b", "qwen2.5:7b"],
};
const noModeration: ModelProblem = {
  ...base,
  kind: "moderation_unavailable",
  model: "omni-moderation-latest",
};

describe("model problems in words", () => {
  it("names the fix in English and Russian", () => {
    expect(problemText(missing, modelProblems.en)).toBe(
      "Model 'gpt-4o-mni' not found on http://vllm:8000/v1 — set OPENAI_MODEL or the agent's model to one of: llama3.1:8b, qwen2.5:7b",
    );
    expect(problemText(missing, modelProblems.ru)).toContain("одну из: llama3.1:8b, qwen2.5:7b");
    expect(problemText(noModeration, modelProblems.en)).toBe(
      "http://vllm:8000/v1 has no moderation endpoint: moderation is skipped.",
    );
    expect(problemText(noModeration, modelProblems.ru)).toContain("модерация пропускается");
  });

  it("shows an agent its model's problems and the server-wide ones", () => {
    expect(problemsOfModel([missing, noModeration], "gpt-4o-mni")).toEqual([missing, noModeration]);
    expect(problemsOfModel([missing, noModeration], "llama3.1:8b")).toEqual([noModeration]);
  });
});
