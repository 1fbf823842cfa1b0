import { readFile } from "node:fs/promises";
import {
  demoAgentDocument,
  knowledgeSources,
  parseAgentConfig,
  parseAgentConfigText,
  type AgentConfig,
} from "@agents-crm/config/agent-config";
import type { LlmProviders } from "../src/providers/types";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import type { KnowledgeBase } from "../src/rag/types";
import { MemoryChunks } from "./memory-chunks";

export interface EvalAgent {
  agentId: string;
  config: AgentConfig;
  /** Where the agent came from: "demo" or the document's path. */
  origin: string;
}

/** The demo agent, or an agent document (YAML/JSON, the reference format); `model` overrides `llm.model`. */
export async function loadEvalAgent(path?: string, model?: string): Promise<EvalAgent> {
  const parsed = path
    ? parseAgentConfigText(await readFile(path, "utf8"))
    : parseAgentConfig(demoAgentDocument);
  if (!parsed.ok) {
    const problems = parsed.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
    throw new Error(`${path ?? "the demo agent"} is not a valid agent: ${problems.join("; ")}`);
  }
  const config = model ? { ...parsed.config, llm: { ...parsed.config.llm, model } } : parsed.config;
  return { agentId: config.agent_id, config, origin: path ?? "demo" };
}

/** The agent's documents indexed with the providers' embedder, as the API indexes a saved agent. */
export async function indexKnowledge(
  providers: LlmProviders,
  agent: EvalAgent,
): Promise<KnowledgeBase | undefined> {
  if (!agent.config.rag.enabled) return undefined;
  const knowledge = createKnowledgeBase({
    chunks: new MemoryChunks(),
    embedder: providers.embedder,
  });
  await knowledge.indexAgent(agent.agentId, knowledgeSources(agent.config));
  return knowledge;
}
