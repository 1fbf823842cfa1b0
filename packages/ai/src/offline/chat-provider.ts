import type {
  CallMetrics,
  ChatProvider,
  ChatRequest,
  ChatResult,
  ChatStreamChunk,
} from "../providers/types";
import { offlineAnswer } from "./offline-answer";
import { readPrompt } from "./read-prompt";

const MODEL = "offline";
const DELTA_CHARS = 12;

function metricsFor(request: ChatRequest, content: string, latencyMs: number): CallMetrics {
  const promptChars = request.messages.reduce((sum, message) => sum + message.content.length, 0);
  const promptTokens = Math.ceil(promptChars / 4);
  const completionTokens = Math.ceil(content.length / 4);
  return {
    step: "chat",
    model: MODEL,
    usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
    latencyMs,
    costUsd: 0,
    attempts: 1,
    estimated: true,
    firstTokenMs: latencyMs,
  };
}

function answerFor(request: ChatRequest): string {
  if (request.signal?.aborted) throw new DOMException("aborted", "AbortError");
  // Keys in contract order: the reply comes first so the turn can stream it.
  const { reply, escalation, sources_used, attach_document_ids } = offlineAnswer(
    readPrompt(request.messages),
  );
  return JSON.stringify({ reply, escalation, sources_used, attach_document_ids });
}

/**
 * A deterministic chat model with no network, for running the product with no LLM configured. It
 * reads the turn's own prompt protocol (tagged blocks) and answers with the turn's JSON contract.
 */
export function createOfflineChatProvider(): ChatProvider {
  return {
    kind: "offline",
    async chat(request: ChatRequest): Promise<ChatResult> {
      const startedAt = performance.now();
      const content = answerFor(request);
      return {
        content,
        finishReason: "stop",
        metrics: metricsFor(request, content, performance.now() - startedAt),
      };
    },
    async *chatStream(request: ChatRequest): AsyncGenerator<ChatStreamChunk> {
      const startedAt = performance.now();
      const content = answerFor(request);
      for (const piece of Array.from(content).reduce<string[]>((chunks, char, index) => {
        if (index % DELTA_CHARS === 0) chunks.push(char);
        else chunks[chunks.length - 1] += char;
        return chunks;
      }, [])) {
        yield { type: "delta", text: piece };
      }
      const result = {
        content,
        finishReason: "stop",
        metrics: metricsFor(request, content, performance.now() - startedAt),
      };
      yield { type: "done", result };
    },
  };
}
