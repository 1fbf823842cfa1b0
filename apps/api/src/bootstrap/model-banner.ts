import type { ServerEnv } from "@agents-crm/config/env";
import type { LlmProviders } from "@agents-crm/ai";

/**
 * What the start-up output says about the model answering customers, and how to change it: a new
 * install runs the offline model, and nothing else tells its operator why the replies read like quotes.
 */
export function modelLines(
  env: Pick<ServerEnv, "OPENAI_MODEL">,
  llm: Pick<LlmProviders, "label" | "offline">,
): string[] {
  if (llm.offline) {
    return [
      "Model: offline model (no LLM configured): answers from each agent's knowledge, hands over by rules.",
      "  To answer with an LLM set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for an OpenAI-compatible server (Ollama, vLLM, LM Studio).",
    ];
  }
  return [
    `Model: ${llm.label} (each agent's llm.model; ${env.OPENAI_MODEL} when an agent names none, set by OPENAI_MODEL).`,
  ];
}
