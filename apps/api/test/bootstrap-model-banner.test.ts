import { describe, expect, it } from "vitest";
import { modelLines } from "../src/bootstrap/model-banner";

describe("the start-up lines about the model", () => {
  it("say the offline model answers and how to configure an LLM", () => {
    const lines = modelLines(
      { OPENAI_MODEL: "gpt-4o-mini" },
      { label: "Offline demo model (no LLM configured)", offline: true },
    ).join("\n");
    expect(lines).toContain("Model: offline model");
    expect(lines).toContain("OPENAI_API_KEY");
    expect(lines).toContain("OPENAI_BASE_URL");
    expect(lines).not.toContain("gpt-4o-mini");
  });

  it("name the configured model and where each agent's comes from", () => {
    expect(
      modelLines(
        { OPENAI_MODEL: "gpt-4.1-mini" },
        { label: "OpenAI · gpt-4.1-mini", offline: false },
      ),
    ).toEqual([
      "Model: OpenAI · gpt-4.1-mini (each agent's llm.model; gpt-4.1-mini when an agent names none, set by OPENAI_MODEL).",
    ]);
  });
});
