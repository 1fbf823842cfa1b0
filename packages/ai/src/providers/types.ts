import type { Transcriber } from "./openai-transcriber";
// The seams between the agent brain and whatever model serves it (OpenAI, a compatible server, offline).

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
  /** A user message's photos as data URLs, sent as `image_url` parts to a vision-capable model. */
  images?: readonly string[];
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /**
   * Prompt tokens the provider served from its prompt cache (part of `promptTokens`), from OpenAI's
   * `usage.prompt_tokens_details.cached_tokens`; absent when none were.
   */
  cachedTokens?: number;
}

/** Reported for every model call so turns can show tokens, cost and latency per step. */
export interface CallMetrics {
  step: "chat" | "embedding" | "moderation";
  model: string;
  usage: TokenUsage;
  latencyMs: number;
  costUsd: number;
  attempts: number;
  /** True when `usage` was estimated locally (about 4 characters per token) because the server sent none. */
  estimated?: boolean;
  /** Milliseconds until the first streamed delta (streams only). */
  firstTokenMs?: number;
  /**
   * Set when the call was served in a degraded way: "json_object_fallback" / "prompt_only_fallback"
   * (the server rejected json_schema), "moderation_unavailable" (the server has no /moderations).
   */
  degraded?: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxOutputTokens?: number;
  timeoutMs?: number;
  /** When set, the model must answer with JSON matching this JSON Schema (structured output). */
  responseSchema?: { name: string; schema: Record<string, unknown> };
  signal?: AbortSignal;
}

export interface ChatResult {
  content: string;
  finishReason: string | null;
  /** The model's refusal text, when it declined to answer in the requested structure. */
  refusal?: string;
  metrics: CallMetrics;
}

export type ChatStreamChunk =
  { type: "delta"; text: string } | { type: "done"; result: ChatResult };

export interface ChatProvider {
  readonly kind: "openai" | "offline";
  chat(request: ChatRequest): Promise<ChatResult>;
  chatStream(request: ChatRequest): AsyncIterable<ChatStreamChunk>;
}

export interface EmbeddingResult {
  vectors: Float32Array[];
  metrics: CallMetrics;
}

export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[], signal?: AbortSignal): Promise<EmbeddingResult>;
}

export interface ModerationResult {
  flagged: boolean;
  categories: Record<string, boolean>;
  categoryScores: Record<string, number>;
  /** The highest-scoring flagged category, or null when nothing is flagged. */
  category: string | null;
  metrics: CallMetrics;
}

export interface Moderator {
  moderate(text: string, signal?: AbortSignal): Promise<ModerationResult>;
}

/** Where providers report operational warnings; never given prompt or message text. */
export interface LlmLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Everything a turn needs from a model vendor; `label` is what the UI shows (it says "offline" when offline). */
export interface LlmProviders {
  readonly label: string;
  readonly offline: boolean;
  chat: ChatProvider;
  embedder: Embedder;
  moderator: Moderator;
  /** Voice notes to text; absent when no transcription model is configured (TRANSCRIPTION_MODEL). */
  transcriber?: Transcriber;
}
