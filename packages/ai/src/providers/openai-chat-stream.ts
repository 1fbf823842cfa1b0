import type { CompletionUsage } from "openai/resources/completions";
import { startDeadline } from "./call-deadline";
import { toLlmError } from "./errors";
import { ChatCallRequest } from "./openai-chat-request";
import type { OpenAIConnection } from "./openai-connection";
import { estimateCostUsd } from "./pricing";
import { retryDelayMs, waitOrThrow } from "./retry";
import type { ChatRequest, ChatResult, ChatStreamChunk } from "./types";
import { estimateChatUsage, fromApiUsage } from "./usage";

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
        const finalContent = call.finalContent(content);
        const usage = apiUsage
          ? fromApiUsage(apiUsage)
          : estimateChatUsage(request.messages, finalContent);
        const degraded = call.degraded();
        const result: ChatResult = {
          content: finalContent,
          finishReason,
          ...(refusal ? { refusal } : {}),
          metrics: {
            step: "chat",
            model,
            usage,
            latencyMs: Math.round(performance.now() - started),
            costUsd: estimateCostUsd(model, usage),
            attempts,
            ...(apiUsage ? {} : { estimated: true }),
            ...(firstTokenMs !== undefined ? { firstTokenMs } : {}),
            ...(degraded ? { degraded } : {}),
          },
        };
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
        if (delay === null) throw error;
        await waitOrThrow(delay, deadline, ENDPOINT, attempts);
      }
    }
  } finally {
    deadline.dispose();
  }
}
