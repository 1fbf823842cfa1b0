import type { ServerEnv } from "@agents-crm/config/env";
import { loadConversations } from "./conversation-set";
import { createLlmProvidersFromEnv } from "../src/providers/llm-providers-from-env";
import { indexKnowledge, loadEvalAgent } from "./eval-setup";
import { runConversations, type TurnRecord } from "./run-conversations";
import { scoreRecords, type EvalScores } from "./score";

export const EVAL_REPORT_KIND = "agents-crm-eval";

export interface EvalOptions {
  env: ServerEnv;
  /** An agent document (YAML/JSON); the demo agent when absent. */
  agentPath?: string;
  /** A conversation set (YAML/JSON); the built-in set when absent. */
  conversationsPath?: string;
  /** The chat model, instead of the agent's `llm.model`. */
  model?: string;
  onConversation?: (done: number, total: number) => void;
}

export interface EvalReport {
  kind: typeof EVAL_REPORT_KIND;
  createdAt: string;
  model: { label: string; chatModel: string; offline: boolean };
  agent: { id: string; origin: string };
  conversationsFile: string;
  /** Operational warnings the turns logged (retries, degraded calls). */
  warnings: number;
  scores: EvalScores;
  turns: TurnRecord[];
}

/** Runs the conversation set against the configured model and scores it. */
export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const agent = await loadEvalAgent(options.agentPath, options.model);
  const conversations = await loadConversations(options.conversationsPath);
  // The same providers the API builds from the same environment.
  const providers = await createLlmProvidersFromEnv(options.env);
  const knowledge = await indexKnowledge(providers, agent);
  const { records, warnings } = await runConversations(conversations, {
    providers,
    knowledge,
    agent,
    onConversation: options.onConversation,
  });
  return {
    kind: EVAL_REPORT_KIND,
    createdAt: new Date().toISOString(),
    model: {
      label: providers.label,
      chatModel: providers.offline ? "offline" : agent.config.llm.model,
      offline: providers.offline,
    },
    agent: { id: agent.agentId, origin: agent.origin },
    conversationsFile:
      options.conversationsPath ?? "built-in (packages/ai/eval/conversations.yaml)",
    warnings,
    scores: scoreRecords(records),
    turns: records,
  };
}
