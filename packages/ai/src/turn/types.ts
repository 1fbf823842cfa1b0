import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { Channel } from "@agents-crm/config/channels";
import type { HandoffCause, HandoffSummary } from "@agents-crm/config/handoff-summary";
import type { ExtractedContacts } from "../contacts/schema";
import type { EscalationType } from "../prompt/output-contract";
import type { CallMetrics, LlmProviders } from "../providers/types";
import type { KnowledgeBase, RetrievedSource } from "../rag/types";
import type { EscalationSource } from "../rules/escalation-candidates";
import type { TemplateLanguage } from "../rules/language";
import type { TriggerHit } from "../rules/triggers";
import type { PreparedTurn } from "./prepare-turn";

export interface HistoryMessage {
  role: "user" | "agent" | "admin";
  content: string;
  timestamp: string | number | Date;
}

export interface TurnInput {
  agentId: string;
  config: AgentConfig;
  /** Earlier messages, oldest first, NOT including `messages`. */
  history: readonly HistoryMessage[];
  /** The new customer message(s): a burst may hold several. */
  messages: readonly string[];
  channel: Channel;
  now?: Date;
  signal?: AbortSignal;
  /** From `prepareTurn` for the same messages: its moderation and retrieval are reused, not repeated. */
  prepared?: PreparedTurn;
  /** Photos the new messages carry (data URLs), when the model reads images: in the same chat call. */
  images?: readonly string[];
}

/** Operational logging; never receives message text. Compatible with the providers' `LlmLogger`. */
export interface TurnLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

export interface TurnDeps {
  providers: LlmProviders;
  knowledge?: KnowledgeBase;
  logger?: TurnLogger;
}

export interface TurnEscalation {
  needed: boolean;
  type: EscalationType;
  reason: string;
  confidence: number;
  source: EscalationSource;
  /** What the reason says, when a rule knows it (staff read it in their language). */
  cause?: HandoffCause;
  /** What staff read about the hand-over (null when none is needed). */
  summary: HandoffSummary | null;
}

export interface TurnUsage {
  steps: CallMetrics[];
  totalTokens: number;
  /** Prompt tokens of the chat calls that the provider served from its prompt cache (cheaper, faster). */
  cachedTokens: number;
  costUsd: number;
  /** Wall time of the whole turn. */
  latencyMs: number;
  /** Time spent in chat calls (all attempts). */
  llmLatencyMs: number;
}

export interface TurnFlags {
  moderationFlagged?: boolean;
  /** The customer got the fallback text because the model failed or answered malformed output. */
  fallback?: boolean;
  /** The first answer was malformed and the model was asked again. */
  retried?: boolean;
  afterHours?: boolean;
  offline: boolean;
}

export interface TurnResult {
  /** null only when there was nothing to answer (blank messages). */
  reply: { text: string; parts: string[] } | null;
  escalation: TurnEscalation;
  contacts: ExtractedContacts;
  /** The name the customer gave for themselves in these messages, when they did. */
  customerName?: string;
  sources: RetrievedSource[];
  usage: TurnUsage;
  flags: TurnFlags;
  /** The language the customer wrote in, as used for templates. */
  language: TemplateLanguage;
  /** Keywords of `escalation.triggers` found in the messages. */
  triggers: TriggerHit[];
  /** Knowledge library documents to send as files with the reply (sendable, retrieved this turn). */
  attachDocumentIds: string[];
}

/**
 * Deltas are the model's reply text as it streams: provisional. The result is what was decided
 * (a handoff template, a moderation block or a fallback may replace the streamed text).
 */
export type TurnEvent = { type: "delta"; text: string } | { type: "result"; result: TurnResult };
