import type { CreateEmbeddingResponse } from "openai/resources/embeddings";
import { startDeadline } from "./call-deadline";
import { LlmError } from "./errors";
import { openAIConnection, type OpenAIConnectionOptions } from "./openai-connection";
import { estimateCostUsd } from "./pricing";
import { withRetries } from "./retry";
import type { Embedder, EmbeddingResult, TokenUsage } from "./types";
import { estimateTokens, ZERO_USAGE } from "./usage";

/** `timeoutMs` here bounds each batch request (with its retries), not the whole `embed` call. */
export interface OpenAIEmbedderOptions extends OpenAIConnectionOptions {
  /** Default "text-embedding-3-small". */
  model?: string;
  /** Sent as `dimensions` to text-embedding-3* models (which shorten their vectors to it). */
  dimensions?: number;
  /** Inputs per request (the agent's `embeddings.batch_size`; default 100). */
  batchSize?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

export const DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";

const NATIVE_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

interface BatchResult {
  vectors: Float32Array[];
  usage: TokenUsage;
  estimated: boolean;
  attempts: number;
}

/**
 * `dimensions` is the configured or native size; for models we do not know (e.g. nomic-embed-text
 * on Ollama) it is 0 until the first response tells us.
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const connection = openAIConnection(options);
  const model = options.model ?? DEFAULT_EMBEDDING_MODEL;
  const shortenable = model.startsWith("text-embedding-3");
  const requestDimensions = shortenable ? options.dimensions : undefined;
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let dimensions = requestDimensions ?? NATIVE_DIMENSIONS[model] ?? options.dimensions ?? 0;

  const embedBatch = async (input: string[], signal?: AbortSignal): Promise<BatchResult> => {
    const deadline = startDeadline(connection.timeoutMs, signal);
    try {
      const { value, attempts } = await withRetries({
        endpoint: "embeddings",
        policy: connection.retry,
        deadline,
        attempt: () =>
          connection.client.embeddings.create(
            {
              model,
              // The API rejects empty strings.
              input: input.map((text) => (text === "" ? " " : text)),
              encoding_format: "base64",
              ...(requestDimensions ? { dimensions: requestDimensions } : {}),
            },
            { signal: deadline.signal },
          ),
      });
      const vectors = decodeEmbeddings(value, input.length);
      const promptTokens = value.usage?.prompt_tokens;
      const usage =
        promptTokens === undefined
          ? estimatedUsage(input)
          : {
              promptTokens,
              completionTokens: 0,
              totalTokens: value.usage.total_tokens ?? promptTokens,
            };
      return { vectors, usage, estimated: promptTokens === undefined, attempts };
    } finally {
      deadline.dispose();
    }
  };

  return {
    model,
    get dimensions() {
      return dimensions;
    },
    async embed(texts: string[], signal?: AbortSignal): Promise<EmbeddingResult> {
      const started = performance.now();
      const batches: string[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
      // One failed batch fails the call, so the batches still in flight are cancelled.
      const siblings = new AbortController();
      const batchSignal = signal ? AbortSignal.any([signal, siblings.signal]) : siblings.signal;
      const results = await mapConcurrently(batches, concurrency, (batch) =>
        embedBatch(batch, batchSignal),
      ).catch((error: unknown) => {
        siblings.abort();
        throw error;
      });
      const vectors = results.flatMap((r) => r.vectors);
      if (vectors[0]) dimensions = vectors[0].length;
      const usage = results.reduce(
        (sum, r) => ({
          promptTokens: sum.promptTokens + r.usage.promptTokens,
          completionTokens: 0,
          totalTokens: sum.totalTokens + r.usage.totalTokens,
        }),
        ZERO_USAGE,
      );
      return {
        vectors,
        metrics: {
          step: "embedding",
          model,
          usage,
          latencyMs: Math.round(performance.now() - started),
          costUsd: estimateCostUsd(model, usage),
          attempts: results.reduce((sum, r) => sum + r.attempts, 0),
          ...(results.some((r) => r.estimated) ? { estimated: true } : {}),
        },
      };
    },
  };
}

function decodeEmbeddings(response: CreateEmbeddingResponse, expected: number): Float32Array[] {
  const data = Array.isArray(response.data) ? response.data : [];
  const vectors: (Float32Array | undefined)[] = new Array<Float32Array | undefined>(expected);
  for (const [position, item] of data.entries()) {
    const index = typeof item.index === "number" ? item.index : position;
    if (index >= 0 && index < expected) vectors[index] = toVector(item.embedding);
  }
  if (data.length !== expected || vectors.some((v) => v === undefined)) {
    throw new LlmError("embeddings: response does not match the inputs", {
      kind: "malformed",
      retryable: false,
    });
  }
  return vectors as Float32Array[];
}

// We ask for base64 (little-endian float32), but some compatible servers ignore that and send numbers.
function toVector(embedding: unknown): Float32Array | undefined {
  if (typeof embedding === "string") {
    const bytes = Buffer.from(embedding, "base64");
    // Copy: a Float32Array view needs a 4-byte-aligned offset, which Buffer's pool does not promise.
    return new Float32Array(Uint8Array.from(bytes).buffer);
  }
  if (Array.isArray(embedding)) return Float32Array.from(embedding as number[]);
  return undefined;
}

function estimatedUsage(input: string[]): TokenUsage {
  const promptTokens = input.reduce((sum, text) => sum + estimateTokens(text), 0);
  return { promptTokens, completionTokens: 0, totalTokens: promptTokens };
}

async function mapConcurrently<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
