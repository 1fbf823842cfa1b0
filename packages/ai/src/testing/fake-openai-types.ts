import type { FakeTranscriber, FakeTranscriptionRequest } from "./fake-openai-transcriptions";
/** What a scripted responder sees: a chat completions request, already parsed. */
export interface FakeChatRequest {
  model: string;
  /** Messages with their content flattened to text. */
  messages: { role: string; content: string }[];
  stream: boolean;
  includeUsage: boolean;
  responseFormat: FakeResponseFormat | null;
  tools: { name: string; description?: string; parameters?: Record<string, unknown> }[];
  /** The last user message's text ("" if none). */
  lastUserMessage: string;
  /** The `image_url` parts of the last user message (data URLs or links), in order. */
  lastUserImages: string[];
  /** The JSON body as sent. */
  body: Record<string, unknown>;
}

export type FakeResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: Record<string, unknown>; strict: boolean };

export interface FakeUsage {
  promptTokens: number;
  completionTokens: number;
  /** `prompt_tokens_details.cached_tokens` (default 0; the default usage simulates a prompt cache). */
  cachedTokens?: number;
}

export interface FakeToolCall {
  id?: string;
  name: string;
  /** A JSON string, or an object to serialise. */
  arguments: string | Record<string, unknown>;
}

/** Options shared by the reply forms that produce a completion. */
interface FakeCompletionOptions {
  finishReason?: string;
  /** Token usage to report; null sends none (as some compatible servers do). Default ≈ chars/4. */
  usage?: FakeUsage | null;
}

export type FakeChatReply =
  | string
  | (FakeCompletionOptions & {
      content: string;
      /** Exact stream deltas (default: the content split after each word). */
      chunks?: string[];
      /** Streams only: drop the connection after this many content chunks. */
      dropAfterChunks?: number;
    })
  | (FakeCompletionOptions & { json: unknown })
  | (FakeCompletionOptions & { toolCalls: FakeToolCall[]; content?: string })
  | { status: number; body?: unknown; headers?: Record<string, string> };

export type FakeChatResponder = (
  request: FakeChatRequest,
) => FakeChatReply | Promise<FakeChatReply>;

export type FakeEndpoint = "chat" | "embeddings" | "moderations" | "transcriptions";

export interface FakeRecordedRequest {
  method: string;
  /** e.g. "/v1/chat/completions" */
  path: string;
  endpoint: FakeEndpoint | null;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (null when there was none or it was not JSON). */
  body: unknown;
  /** Set for chat completions requests. */
  chat?: FakeChatRequest;
  /** Set for audio transcriptions requests (the parsed multipart upload). */
  transcription?: FakeTranscriptionRequest;
  receivedAt: number;
}

export interface FakeOpenAIOptions {
  /** Delay before the first byte of every response, or per endpoint. */
  latencyMs?: number | Partial<Record<FakeEndpoint, number>>;
  /** Streams: spread the chat latency across the content chunks instead of waiting before the first. */
  spreadStreamLatency?: boolean;
  /**
   * Streams with spread latency: the model's time to first token. The first chunk waits this long, the
   * rest of the chat latency is spread over the other chunks (default: spread evenly over all).
   */
  firstTokenMs?: number;
  /** Smallest prompt (in tokens) the simulated prompt cache serves; OpenAI's is 1024. */
  promptCacheMinTokens?: number;
  responder?: FakeChatResponder;
  /** The words heard in an uploaded audio file (default: "Voice note of N bytes"). */
  transcriber?: FakeTranscriber;
  /** Moderation: term (case-insensitive substring) → category, e.g. { idiot: "harassment" }. */
  flaggedTerms?: Record<string, string>;
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (else 401 invalid_api_key). */
  apiKey?: string;
  /** false: answer json_schema with a 400 naming response_format, as many compatible servers do. */
  supportsJsonSchema?: boolean;
  /** false: reject json_object the same way. */
  supportsJsonObject?: boolean;
  /** false: no /v1/moderations (404, as on Ollama). */
  supportsModerations?: boolean;
  /**
   * The models the server has: GET /v1/models lists them, and a chat naming another answers 404 in the
   * `modelNotFound` server's wire format (default: any model is served, /v1/models lists gpt-4o-mini).
   */
  servedModels?: string[];
  modelNotFound?: "openai" | "vllm" | "ollama";
}

export interface FakeOpenAI {
  /** Base URL including /v1, for `baseURL` options. */
  readonly url: string;
  /** Every request received, in order (including failed ones). */
  readonly requests: FakeRecordedRequest[];
  setLatency(
    ms: number,
    options?: { endpoint?: FakeEndpoint; spreadAcrossChunks?: boolean; firstTokenMs?: number },
  ): void;
  setResponder(responder: FakeChatResponder | null): void;
  setFlaggedTerms(terms: Record<string, string>): void;
  setTranscriber(transcriber: FakeTranscriber | null): void;
  /** Back to the start options: no recorded requests, queued failures, responder or latency changes. */
  reset(): void;
  /**
   * The next `count` requests (to `endpoint`, or any) fail with `status` (0 drops the connection
   * without a response), an OpenAI-style error body unless given, and `headers` (e.g. retry-after).
   */
  failNext(
    count: number,
    status: number,
    body?: unknown,
    headers?: Record<string, string>,
    endpoint?: FakeEndpoint,
  ): void;
  close(): Promise<void>;
}
