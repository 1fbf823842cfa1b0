import { startDeadline } from "./call-deadline";
import { recordProviderProblem } from "./provider-problems";
import { LlmError } from "./errors";
import { topFlaggedCategory } from "./moderation-category";
import { openAIConnection, type OpenAIConnectionOptions } from "./openai-connection";
import { estimateCostUsd } from "./pricing";
import { withRetries } from "./retry";
import type { CallMetrics, ModerationResult, Moderator } from "./types";
import { ZERO_USAGE } from "./usage";

export interface OpenAIModeratorOptions extends OpenAIConnectionOptions {
  /** Default "omni-moderation-latest". */
  model?: string;
}

export const DEFAULT_MODERATION_MODEL = "omni-moderation-latest";

/**
 * Servers without /moderations (Ollama, most self-hosted ones) answer 404: from then on every text
 * passes as not flagged with `metrics.degraded = "moderation_unavailable"`, and a warning is logged once.
 */
export function createOpenAIModerator(options: OpenAIModeratorOptions): Moderator {
  const connection = openAIConnection(options);
  const model = options.model ?? DEFAULT_MODERATION_MODEL;
  let unavailable = false;

  const notFlagged = (started: number, attempts: number, degraded?: string): ModerationResult => ({
    flagged: false,
    categories: {},
    categoryScores: {},
    category: null,
    metrics: metrics(model, started, attempts, degraded),
  });

  return {
    async moderate(text: string, signal?: AbortSignal): Promise<ModerationResult> {
      const started = performance.now();
      if (unavailable) return notFlagged(started, 0, "moderation_unavailable");
      if (text.trim() === "") return notFlagged(started, 0);
      const deadline = startDeadline(connection.timeoutMs, signal);
      try {
        const { value, attempts } = await withRetries({
          endpoint: "moderations",
          policy: connection.retry,
          deadline,
          attempt: () =>
            connection.client.moderations.create(
              { model, input: text },
              { signal: deadline.signal },
            ),
        });
        const result = value.results?.[0];
        if (!result) {
          throw new LlmError("moderations: response has no results", {
            kind: "malformed",
            retryable: false,
          });
        }
        const categories = { ...(result.categories as unknown as Record<string, boolean | null>) };
        const flags = Object.fromEntries(
          Object.entries(categories).map(([k, v]) => [k, v === true]),
        );
        const scores = { ...(result.category_scores as unknown as Record<string, number>) };
        return {
          flagged: result.flagged === true,
          categories: flags,
          categoryScores: scores,
          category: result.flagged ? topFlaggedCategory(flags, scores) : null,
          // The endpoint is free and reports no usage.
          metrics: metrics(value.model || model, started, attempts),
        };
      } catch (error) {
        if (error instanceof LlmError && error.status === 404) {
          unavailable = true;
          recordProviderProblem({
            kind: "moderation_unavailable",
            baseURL: connection.baseURL,
            model,
          });
          connection.logger.warn(
            "moderation endpoint not found; moderation is disabled for this server",
            {
              baseURL: connection.baseURL,
              model,
            },
          );
          return notFlagged(started, error.attempts, "moderation_unavailable");
        }
        throw error;
      } finally {
        deadline.dispose();
      }
    },
  };
}

function metrics(model: string, started: number, attempts: number, degraded?: string): CallMetrics {
  return {
    step: "moderation",
    model,
    usage: ZERO_USAGE,
    latencyMs: Math.round(performance.now() - started),
    costUsd: estimateCostUsd(model, ZERO_USAGE),
    attempts,
    ...(degraded ? { degraded } : {}),
  };
}
