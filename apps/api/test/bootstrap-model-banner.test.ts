import { describe, expect, it } from "vitest";
import { modelLines } from "../src/bootstrap/model-banner";

describe("the start-up lines about the model", () => {
  it("say the offline model answers and how to configure an LLM", () => {
    const lines = modelLines({
      label: "Offline demo model (no LLM configured)",
      offline: true,
    }).join("\n");
    expect(lines).toContain("Model: offline model");
    expect(lines).toContain("OPENAI_API_KEY");
    expect(lines).toContain("OPENAI_BASE_URL");
    expect(lines).not.toContain("gpt-4o-mini");
  });

  it("name the configured server and say each agent's own model answers", () => {
    expect(modelLines({ label: "OpenAI-compatible · ollama:11434", offline: false })).toEqual([
      "Model: OpenAI-compatible · ollama:11434; each agent answers with its own llm.model (listed on /admin/agents).",
    ]);
  });
});
