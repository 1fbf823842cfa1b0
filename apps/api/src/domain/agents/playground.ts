import { runTurn, type HistoryMessage, type TurnResult } from "@agents-crm/ai";
import type { Channel } from "@agents-crm/config/channels";
import type { ConfigWarning } from "@agents-crm/config/agent-config";
import type { PlaygroundHistory } from "@agents-crm/config/playground";
import type { AgentConfigDocument } from "@agents-crm/db";
import type { StaffContext } from "./agent-context";
import { validateNewDocument } from "./agent-document";
import { draftKnowledge, type DraftKnowledge } from "./draft-knowledge";

const SNIPPET_CHARS = 400;

/** The id a never-saved draft without `agent_id` runs under (nothing is stored under it). */
export const DRAFT_AGENT_ID = "playground-draft";

export interface PlaygroundInput {
  agentId?: string;
  config: AgentConfigDocument;
  history: PlaygroundHistory;
  message: string;
  channel: Channel;
}

function knowledgeWarning(knowledge: DraftKnowledge): ConfigWarning[] {
  if (knowledge.status !== "failed") return [];
  return [
    {
      path: "rag.sources",
      message: `the draft's documents could not be indexed (${knowledge.error}); answered without them`,
    },
  ];
}

function view(result: TurnResult, knowledge: DraftKnowledge) {
  return {
    reply: result.reply,
    escalation: result.escalation,
    triggers: result.triggers,
    contacts: result.contacts,
    sources: result.sources.map((source) => ({
      sourceId: source.sourceId,
      title: source.title,
      chunkIndex: source.chunkIndex,
      snippet:
        source.content.length > SNIPPET_CHARS
          ? `${source.content.slice(0, SNIPPET_CHARS)}…`
          : source.content,
      score: source.score,
    })),
    usage: {
      totalTokens: result.usage.totalTokens,
      cachedTokens: result.usage.cachedTokens,
      costUsd: result.usage.costUsd,
      latencyMs: result.usage.latencyMs,
      llmLatencyMs: result.usage.llmLatencyMs,
      steps: result.usage.steps.map((step) => ({
        step: step.step,
        model: step.model,
        totalTokens: step.usage.totalTokens,
        costUsd: step.costUsd,
        latencyMs: step.latencyMs,
      })),
    },
    flags: result.flags,
    language: result.language,
    knowledge:
      knowledge.status === "ready"
        ? { status: "ready" as const, chunks: knowledge.chunks }
        : { status: knowledge.status },
  };
}

/**
 * One real agent turn over an unsaved draft, with nothing persisted: no conversation, message, event,
 * alert or audit entry. Retrieval uses the draft's own documents through a throw-away index.
 */
export async function runPlayground(ctx: StaffContext, input: PlaygroundInput) {
  const { deps } = ctx;
  const draftId =
    typeof input.config.agent_id === "string" && input.config.agent_id !== ""
      ? input.config.agent_id
      : undefined;
  const agentId = input.agentId ?? draftId ?? DRAFT_AGENT_ID;
  const valid = validateNewDocument(deps, agentId, input.config);
  const saved = input.agentId ? await deps.repos.agents.get(input.agentId) : null;
  const knowledge = await draftKnowledge(deps, agentId, saved?.agentId, valid.config);

  const start = Date.now() - input.history.length * 1000;
  const keep = valid.config.llm.max_history_messages;
  // slice(-0) would keep everything.
  const history: HistoryMessage[] = (keep === 0 ? [] : input.history.slice(-keep)).map(
    (message, index) => ({ ...message, timestamp: new Date(start + index * 1000) }),
  );
  const log = deps.log.child({ playground: agentId });
  const result = await runTurn(
    { agentId, config: valid.config, history, messages: [input.message], channel: input.channel },
    {
      providers: deps.llm,
      knowledge: knowledge.status === "ready" ? knowledge.knowledge : undefined,
      logger: { warn: (m, f) => log.warn(m, f), error: (m, f) => log.error(m, f) },
    },
  );
  return {
    agentId,
    channel: input.channel,
    model: { label: deps.llm.label, offline: deps.llm.offline },
    ...view(result, knowledge),
    warnings: [...valid.warnings, ...knowledgeWarning(knowledge)],
  };
}
export type PlaygroundResult = Awaited<ReturnType<typeof runPlayground>>;
