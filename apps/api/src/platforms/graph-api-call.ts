import { z } from "zod";
import { toWellFormedDeep } from "@agents-crm/config/well-formed-text";

// Meta's Graph API (Instagram messaging, WhatsApp Cloud API) answers errors as
// `{ error: { message, type, code, error_subcode?, is_transient?, fbtrace_id } }`:
// https://developers.facebook.com/docs/graph-api/guides/error-handling

const errorEnvelopeSchema = z.object({
  error: z.looseObject({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    is_transient: z.boolean().optional(),
  }),
});

/** Application, user, page and account rate limits (Graph), WhatsApp throughput and pair limits. */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80002, 80007, 130429, 131048, 131056]);
/** "Unknown error" and "service temporarily unavailable": Meta's own advice is to retry. */
const TRANSIENT_CODES = new Set([1, 2]);

/**
 * A failed Graph call. `status` is the HTTP status (null: Meta unreachable or no answer in time);
 * `code`/`subcode` are Meta's. The message never contains the access token.
 */
export class GraphApiError extends Error {
  override readonly name = "GraphApiError";

  constructor(
    readonly operation: string,
    readonly status: number | null,
    readonly code: number | null,
    readonly subcode: number | null,
    readonly description: string,
    readonly flags: { transient?: boolean; retryAfterSeconds?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(`${operation} failed: ${description}`, options);
  }

  get isRateLimit(): boolean {
    return this.status === 429 || (this.code !== null && RATE_LIMIT_CODES.has(this.code));
  }

  /** Worth another try later: unreachable, 5xx, rate limited, or flagged transient by Meta. */
  get isRetryable(): boolean {
    return (
      this.status === null ||
      this.status >= 500 ||
      this.isRateLimit ||
      this.flags.transient === true ||
      (this.code !== null && TRANSIENT_CODES.has(this.code))
    );
  }
}

export interface GraphCallOptions<T> {
  operation: string;
  baseUrl: string;
  token: string;
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string>;
  body?: object;
  /** A multipart upload instead of a JSON body (WhatsApp media upload). */
  form?: FormData;
  schema: z.ZodType<T>;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** How a Graph API client reaches Meta: base URL, per-call timeout (10 s by default), fetch (tests). */
export interface GraphApiOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The part of every graphCall that a client's options settle once. */
export function graphConnection(
  options: GraphApiOptions,
): Pick<GraphCallOptions<unknown>, "baseUrl" | "timeoutMs" | "fetch"> {
  return {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch ?? fetch,
  };
}

const retryAfterOf = (response: Response): number | undefined => {
  const header = Number(response.headers.get("retry-after"));
  return Number.isFinite(header) && header > 0 ? header : undefined;
};

/** One Graph request with a Bearer token (kept out of URLs, so it never lands in access logs). */
export async function graphCall<T>(options: GraphCallOptions<T>): Promise<T> {
  const { operation } = options;
  const url = new URL(`${options.baseUrl.replace(/\/+$/, "")}/${options.path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await options.fetch(url, {
      method: options.method,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(options.body && !options.form ? { "content-type": "application/json" } : {}),
      },
      body: options.form ?? (options.body ? JSON.stringify(options.body) : undefined),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${options.timeoutMs} ms`
        : "Graph API is unreachable";
    throw new GraphApiError(operation, null, null, null, reason, {}, { cause: error });
  }
  let json: unknown;
  try {
    json = toWellFormedDeep(await response.json());
  } catch (error) {
    throw new GraphApiError(
      operation,
      response.status,
      null,
      null,
      `unreadable answer (HTTP ${response.status})`,
      { retryAfterSeconds: retryAfterOf(response) },
      { cause: error },
    );
  }
  const failure = errorEnvelopeSchema.safeParse(json);
  if (!response.ok || failure.success) {
    const error = failure.success ? failure.data.error : null;
    throw new GraphApiError(
      operation,
      response.status,
      error?.code ?? null,
      error?.error_subcode ?? null,
      error ? `${error.message} (code ${error.code ?? "?"})` : `HTTP ${response.status}`,
      { transient: error?.is_transient, retryAfterSeconds: retryAfterOf(response) },
    );
  }
  const result = options.schema.safeParse(json);
  if (!result.success) {
    throw new GraphApiError(operation, response.status, null, null, "unexpected answer shape");
  }
  return result.data;
}
