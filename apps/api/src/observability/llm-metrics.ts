import type { CallMetrics, ChatProvider, Embedder, LlmProviders, Moderator } from "@agents-crm/ai";
import type { Metrics } from "./metrics";

type Kind = "chat" | "embedding" | "moderation" | "transcription";

function record(metrics: Metrics, provider: string, kind: Kind, call: CallMetrics): void {
  metrics.llmCalls.inc({ provider, kind, outcome: "ok" });
  metrics.llmDuration.observe({ provider, kind }, call.latencyMs / 1000);
  metrics.llmCost.inc({ provider, kind }, call.costUsd);
  metrics.llmTokens.inc({ provider, kind, type: "prompt" }, call.usage.promptTokens);
  metrics.llmTokens.inc({ provider, kind, type: "completion" }, call.usage.completionTokens);
  if (call.usage.cachedTokens) {
    metrics.llmTokens.inc({ provider, kind, type: "cached" }, call.usage.cachedTokens);
  }
}

async function counted<T>(
  metrics: Metrics,
  provider: string,
  kind: Kind,
  call: () => Promise<T>,
  metricsOf: (result: T) => CallMetrics | undefined,
): Promise<T> {
  try {
    const result = await call();
    const m = metricsOf(result);
    if (m) record(metrics, provider, kind, m);
    return result;
  } catch (error) {
    metrics.llmCalls.inc({ provider, kind, outcome: "error" });
    throw error;
  }
}

/**
 * The same providers, each call counted with its tokens, cost and latency (reported by the providers
 * themselves in `CallMetrics`), and its failures. Nothing about prompts or replies is recorded.
 */
export function countLlmCalls(llm: LlmProviders, metrics: Metrics): LlmProviders {
  const provider = llm.offline ? "offline" : "openai";
  const chat: ChatProvider = {
    kind: llm.chat.kind,
    chat: (request) =>
      counted(
        metrics,
        provider,
        "chat",
        () => llm.chat.chat(request),
        (r) => r.metrics,
      ),
    async *chatStream(request) {
      try {
        for await (const chunk of llm.chat.chatStream(request)) {
          if (chunk.type === "done") record(metrics, provider, "chat", chunk.result.metrics);
          yield chunk;
        }
      } catch (error) {
        metrics.llmCalls.inc({ provider, kind: "chat", outcome: "error" });
        throw error;
      }
    },
  };
  const embedder: Embedder = {
    model: llm.embedder.model,
    dimensions: llm.embedder.dimensions,
    embed: (texts, signal) =>
      counted(
        metrics,
        provider,
        "embedding",
        () => llm.embedder.embed(texts, signal),
        (r) => r.metrics,
      ),
  };
  const moderator: Moderator = {
    moderate: (text, signal) =>
      counted(
        metrics,
        provider,
        "moderation",
        () => llm.moderator.moderate(text, signal),
        (r) => r.metrics,
      ),
  };
  const transcriber = llm.transcriber;
  return {
    label: llm.label,
    offline: llm.offline,
    chat,
    embedder,
    moderator,
    ...(transcriber
      ? {
          transcriber: {
            model: transcriber.model,
            transcribe: (...args: Parameters<typeof transcriber.transcribe>) =>
              counted(
                metrics,
                provider,
                "transcription",
                () => transcriber.transcribe(...args),
                () => undefined,
              ),
          },
        }
      : {}),
  };
}
