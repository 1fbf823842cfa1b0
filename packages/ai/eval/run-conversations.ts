import type { LlmProviders } from "../src/providers/types";
import type { KnowledgeBase } from "../src/rag/types";
import { detectScriptLanguage } from "../src/rules/language";
import { streamTurn } from "../src/turn/stream-turn";
import { afterHoursText } from "../src/turn/templates";
import type { HistoryMessage, TurnResult } from "../src/turn/types";
import { acceptedTypes, type EvalConversation, type EvalLanguage } from "./conversation-set";
import type { EvalAgent } from "./eval-setup";
import { medicalAdviceViolations, type MedicalAdviceRule } from "./medical-advice";

/** A Tuesday noon in Dubai: inside the demo clinic's opening hours, so only `at` makes a turn after hours. */
export const DEFAULT_START = "2025-03-04T08:00:00Z";
const MINUTE = 60_000;

/** What one customer message got, with everything the scores need. */
export interface TurnRecord {
  conversationId: string;
  category: string;
  turn: number;
  customer: string;
  language: EvalLanguage;
  accepted: string[];
  escalation: string;
  escalationSource: string;
  reply: string;
  /** The reply's script language; null for a reply without letters (or no reply). */
  replyLanguage: EvalLanguage | null;
  /** null when the turn names no facts to check (or the agent handed over). */
  answered: boolean | null;
  /** null when the turn does not say whether the note belongs. */
  afterHoursNote: { expected: boolean; shown: boolean } | null;
  medicalAdvice: MedicalAdviceRule[];
  fallback: boolean;
  latencyMs: number;
  firstDeltaMs: number | null;
  tokens: number;
  costUsd: number;
}

export interface RunOptions {
  providers: LlmProviders;
  knowledge?: KnowledgeBase;
  agent: EvalAgent;
  /** Called after each conversation, e.g. for a progress line. */
  onConversation?: (done: number, total: number) => void;
}

function answered(reply: string, groups: string[][] | undefined, escalated: boolean) {
  if (!groups || escalated) return null;
  const text = reply.toLowerCase();
  return groups.every((group) => group.some((fact) => text.includes(fact.toLowerCase())));
}

async function runOne(
  conversation: EvalConversation,
  options: RunOptions,
  warnings: { count: number },
): Promise<TurnRecord[]> {
  const { agent, providers, knowledge } = options;
  const start = Date.parse(conversation.at ?? DEFAULT_START);
  const history: HistoryMessage[] = [];
  const records: TurnRecord[] = [];
  for (const [index, turn] of conversation.turns.entries()) {
    const now = new Date(start + index * MINUTE);
    const language = turn.language ?? conversation.language;
    const startedAt = performance.now();
    let firstDeltaMs: number | null = null;
    let result: TurnResult | null = null;
    const events = streamTurn(
      {
        agentId: agent.agentId,
        config: agent.config,
        history: [...history],
        messages: [turn.customer],
        channel: "web_chat",
        now,
      },
      { providers, knowledge, logger: { warn: () => void warnings.count++ } },
    );
    for await (const event of events) {
      if (event.type === "delta") firstDeltaMs ??= performance.now() - startedAt;
      else result = event.result;
    }
    const latencyMs = performance.now() - startedAt;
    if (!result) throw new Error(`${conversation.id} turn ${index + 1}: the turn gave no result`);
    const reply = result.reply?.text ?? "";
    const note = afterHoursText(agent.config, result.language);
    records.push({
      conversationId: conversation.id,
      category: conversation.category,
      turn: index + 1,
      customer: turn.customer,
      language,
      accepted: acceptedTypes(turn),
      escalation: result.escalation.type,
      escalationSource: result.escalation.needed ? result.escalation.source : "",
      reply,
      replyLanguage: reply === "" ? null : detectScriptLanguage(reply),
      answered: answered(reply, turn.expect.answers, result.escalation.needed),
      afterHoursNote:
        turn.expect.after_hours_note === undefined
          ? null
          : { expected: turn.expect.after_hours_note, shown: reply.includes(note) },
      medicalAdvice: medicalAdviceViolations(reply),
      fallback: result.flags.fallback === true,
      latencyMs,
      firstDeltaMs,
      tokens: result.usage.totalTokens,
      costUsd: result.usage.costUsd,
    });
    history.push({ role: "user", content: turn.customer, timestamp: now });
    if (reply !== "") history.push({ role: "agent", content: reply, timestamp: now });
  }
  return records;
}

/**
 * Every conversation through the real turn (`streamTurn`: moderation, rules, retrieval, one model call),
 * one after another so latencies are not inflated by the eval itself. Each turn sees the conversation so
 * far, its own replies included, as the API's history would hold it.
 */
export async function runConversations(
  conversations: readonly EvalConversation[],
  options: RunOptions,
): Promise<{ records: TurnRecord[]; warnings: number }> {
  const records: TurnRecord[] = [];
  const warnings = { count: 0 };
  for (const [index, conversation] of conversations.entries()) {
    records.push(...(await runOne(conversation, options, warnings)));
    options.onConversation?.(index + 1, conversations.length);
  }
  return { records, warnings: warnings.count };
}
