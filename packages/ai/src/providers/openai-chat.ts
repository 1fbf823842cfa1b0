import { startDeadline } from "./call-deadline";
import { LlmError } from "./errors";
import { ChatCallRequest } from "./openai-chat-request";
import { streamChat } from "./openai-chat-stream";
import {
  openAIConnection,
  type OpenAIConnection,
  type OpenAIConnectionOptions,
} from "./openai-connection";
import { noteModelNotFound } from "./provider-problems";
import { withRetries } from "./retry";
import type { ChatProvider, ChatRequest, ChatResult } from "./types";

export interface OpenAIChatOptions extends OpenAIConnectionOptions {
  /** Used when a request names no model. */
  defaultModel?: string;
}

export const DEFAULT_CHAT_MODEL = "gpt-4o-mini";

export function createOpenAIChatProvider(options: OpenAIChatOptions): ChatProvider {
  const connection = openAIConnection(options);
  const defaultModel = options.defaultModel ?? DEFAULT_CHAT_MODEL;
  return {
    kind: "openai",
    chat: (request) => chat(connection, defaultModel, request),
    chatStream: (request) => streamChat(connection, defaultModel, request),
  };
}

async function chat(
  connection: OpenAIConnection,
  defaultModel: string,
  request: ChatRequest,
): Promise<ChatResult> {
  const started = performance.now();
  const call = new ChatCallRequest(request, defaultModel, connection.baseURL);
  const deadline = startDeadline(request.timeoutMs ?? connection.timeoutMs, request.signal);
  try {
    const { value: completion, attempts } = await withRetries({
      endpoint: "chat.completions",
      policy: connection.retry,
      deadline,
      attempt: () =>
        connection.client.chat.completions.create(
          { ...call.body(), stream: false },
          { signal: deadline.signal },
        ),
      recover: (error) => call.stepDownOn(error),
    });
    const choice = completion.choices?.[0];
    if (!choice?.message) {
      throw new LlmError("chat.completions: response has no choices", {
        kind: "malformed",
        retryable: false,
      });
    }
    return call.result({
      content: choice.message.content ?? "",
      finishReason: choice.finish_reason ?? null,
      refusal: choice.message.refusal,
      model: completion.model || call.model,
      apiUsage: completion.usage,
      attempts,
      started,
    });
  } catch (error) {
    await noteModelNotFound(connection, call.model, error);
    throw error;
  } finally {
    deadline.dispose();
  }
}
