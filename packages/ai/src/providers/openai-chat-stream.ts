import type { CompletionUsage } from "openai/resources/completions";
import { startDeadline } from "./call-deadline";
import { toLlmError } from "./errors";
import { ChatCallRequest } from "./openai-chat-request";
import type { OpenAIConnection } from "./openai-connection";
import { noteModelNotFound } from "./provider-problems";
import { retryDelayMs, waitOrThrow } from "./retry";
import type { ChatRequest, ChatStreamChunk } from "./types";

const ENDPOINT = "chat.completions (stream)";

/**
 * Streams one chat completion. Failures before the first delta are retried like any call; after a
 * delta reached the caller the stream is never replayed (the caller would show the text twice).
 */
export async function* streamChat(
  connection: OpenAIConnection,
  defaultModel: string,
  request: ChatRequest,
): AsyncGenerator<ChatStreamChunk> {
  const started = performance.now();
  const call = new ChatCallRequest(request, defaultModel, connection.baseURL);
  const deadline = startDeadline(request.timeoutMs ?? connection.timeoutMs, request.signal);
  let attempts = 0;
  let failed = 0;
  try {
    for (;;) {
      attempts += 1;
      let emitted = false;
      try {
        const stream = await connection.client.chat.completions.create(
          { ...call.body(), stream: true, stream_options: { include_usage: true } },
          { signal: deadline.signal },
        );
        let content = "";
        let refusal = "";
        let finishReason: string | null = null;
        let apiUsage: CompletionUsage | null = null;
        let model = call.model;
        let firstTokenMs: number | undefined;
        for await (const chunk of stream) {
          if (chunk.usage) apiUsage = chunk.usage;
          if (chunk.model) model = chunk.model;
          const choice = chunk.choices?.[0];
          if (!choice) continue;
          if (choice.finish_reason) finishReason = choice.finish_reason;
          if (choice.delta?.refusal) refusal += choice.delta.refusal;
          const text = choice.delta?.content;
          if (!text) continue;
          firstTokenMs ??= Math.round(performance.now() - started);
          emitted = true;
          content += text;
          yield { type: "delta", text };
        }
        // The SDK ends iteration quietly when its signal aborts; a cut-off answer must not look complete.
        if (deadline.signal.aborted) throw new DOMException("stream aborted", "AbortError");
        const result = call.result({
          content,
          finishReason,
          refusal,
          model,
          apiUsage,
          attempts,
          started,
          firstTokenMs,
        });
        yield { type: "done", result };
        return;
      } catch (raw) {
        if (!emitted && call.stepDownOn(raw)) continue;
        failed += 1;
        const error = toLlmError(raw, ENDPOINT, deadline.cause());
        error.attempts = attempts;
        const delay = emitted
          ? null
          : retryDelayMs(error, failed, connection.retry, deadline.remainingMs());
        if (delay === null) {
          await noteModelNotFound(connection, call.model, error);
          throw error;
        }
        await waitOrThrow(delay, deadline, ENDPOINT, attempts);
      }
    }
  } finally {
    deadline.dispose();
  }
}
