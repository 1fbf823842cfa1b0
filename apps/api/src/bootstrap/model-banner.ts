import type { LlmProviders } from "@agents-crm/ai";

/**
 * What the start-up output says about the model answering customers, and how to change it: a new
 * install runs the offline model, and nothing else tells its operator why the replies read like quotes.
 */
export function modelLines(llm: Pick<LlmProviders, "label" | "offline">): string[] {
  if (llm.offline) {
    return [
      "Model: offline model (no LLM configured): answers from each agent's knowledge, hands over by rules.",
      "  To answer with an LLM set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for an OpenAI-compatible server (Ollama, vLLM, LM Studio).",
    ];
  }
  // The agent document's llm.model always has a value (the schema defaults it), so it is what answers.
  return [
    `Model: ${llm.label}; each agent answers with its own llm.model (listed on /admin/agents).`,
  ];
}
