import type { ChatCompletionCreateParamsBase } from "openai/resources/chat/completions";
import { modelParams } from "./model-params";
import {
  isResponseFormatRejection,
  stepDownStructuredMode,
  structuredModeFor,
  structuredRequest,
  unwrapJsonFence,
  type StructuredMode,
} from "./structured-output";
import type { ChatRequest } from "./types";

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
      messages: parts.messages,
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
}
