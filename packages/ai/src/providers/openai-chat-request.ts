import type { ChatCompletionCreateParamsBase } from "openai/resources/chat/completions";
import type { CompletionUsage } from "openai/resources/completions";
import { modelParams } from "./model-params";
import { estimateCostUsd } from "./pricing";
import {
  isResponseFormatRejection,
  stepDownStructuredMode,
  structuredModeFor,
  structuredRequest,
  unwrapJsonFence,
  type StructuredMode,
} from "./structured-output";
import { recordProviderProblem } from "./provider-problems";
import type { ChatRequest, ChatResult } from "./types";
import { estimateChatUsage, fromApiUsage } from "./usage";

/** What the server answered to one chat call (whole or streamed), and what the call cost us. */
export interface ChatAnswer {
  content: string;
  finishReason: string | null;
  refusal?: string | null;
  model: string;
  /** Null when the server reported none: usage is then estimated and the metrics say so. */
  apiUsage: CompletionUsage | null | undefined;
  attempts: number;
  /** performance.now() when the call started. */
  started: number;
  firstTokenMs?: number;
}

/** One chat call's request body, following the structured-output mode across fallbacks. */
export class ChatCallRequest {
  readonly model: string;
  private mode: StructuredMode | null;

  constructor(
    private readonly request: ChatRequest,
    defaultModel: string,
    private readonly baseURL: string,
  ) {
    this.model = request.model || defaultModel;
    this.mode = request.responseSchema ? structuredModeFor(baseURL, this.model) : null;
  }

  body(): ChatCompletionCreateParamsBase {
    const { request, model, mode } = this;
    const parts =
      mode && request.responseSchema
        ? structuredRequest(mode, request.responseSchema, request.messages)
        : { messages: request.messages };
    return {
      model,
      messages: parts.messages.map(wireMessage) as ChatCompletionCreateParamsBase["messages"],
      ...modelParams(model, request.temperature, request.maxOutputTokens),
      ...("response_format" in parts && parts.response_format
        ? { response_format: parts.response_format }
        : {}),
    };
  }

  /** True when `error` rejected our response_format and a simpler mode is left to try. */
  stepDownOn(error: unknown): boolean {
    if (this.mode === null || !isResponseFormatRejection(error)) return false;
    const next = stepDownStructuredMode(this.baseURL, this.model, this.mode);
    if (next === null) return false;
    this.mode = next;
    recordProviderProblem({
      kind: "structured_output_fallback",
      baseURL: this.baseURL,
      model: this.model,
      fallback: next,
    });
    return true;
  }

  degraded(): string | undefined {
    if (this.mode === "json_object") return "json_object_fallback";
    if (this.mode === "prompt_only") return "prompt_only_fallback";
    return undefined;
  }

  finalContent(content: string): string {
    return this.mode === "json_object" || this.mode === "prompt_only"
      ? unwrapJsonFence(content)
      : content;
  }

  /** The call's result: the content as this mode needs it, with usage, cost and timing. */
  result(answer: ChatAnswer): ChatResult {
    const content = this.finalContent(answer.content);
    const { model, apiUsage, refusal, firstTokenMs } = answer;
    const usage = apiUsage
      ? fromApiUsage(apiUsage)
      : estimateChatUsage(this.request.messages, content);
    if (!apiUsage) {
      recordProviderProblem({ kind: "usage_missing", baseURL: this.baseURL, model });
    }
    const degraded = this.degraded();
    return {
      content,
      finishReason: answer.finishReason,
      ...(refusal ? { refusal } : {}),
      metrics: {
        step: "chat",
        model,
        usage,
        latencyMs: Math.round(performance.now() - answer.started),
        costUsd: estimateCostUsd(model, usage),
        attempts: answer.attempts,
        ...(apiUsage ? {} : { estimated: true }),
        ...(firstTokenMs !== undefined ? { firstTokenMs } : {}),
        ...(degraded ? { degraded } : {}),
      },
    };
  }
}

/**
 * A message with photos becomes content parts: its text, then each photo as an `image_url` part (a data
 * URL; OpenAI's Chat Completions vision input, https://platform.openai.com/docs/guides/images-vision).
 */
function wireMessage(message: { role: string; content: string; images?: readonly string[] }) {
  const { images, ...rest } = message;
  if (!images?.length) return rest;
  return {
    ...rest,
    content: [
      { type: "text", text: message.content },
      ...images.map((url) => ({ type: "image_url", image_url: { url, detail: "low" } })),
    ],
  };
}
