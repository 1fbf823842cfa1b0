import type OpenAI from "openai";

/**
 * Problems an OpenAI-compatible server showed while serving calls, kept so the console can say what is
 * wrong and how to fix it instead of only the server log. In this process's memory (per replica): each
 * replica learns them from its own calls, and a restart forgets them until the next call shows them again.
 * The latest of each (server, model, kind) is kept.
 */
export type ProviderProblemKind =
  /** The server does not know the model (404, `model_not_found` as OpenAI, vLLM and Ollama answer). */
  | "model_not_found"
  /** The server has no /moderations (Ollama, vLLM, most self-hosted ones): moderation is skipped. */
  | "moderation_unavailable"
  /** The server rejected `response_format: json_schema` (or json_object): a simpler mode is used. */
  | "structured_output_fallback"
  /** The server reports no token usage: usage and cost are estimated. */
  | "usage_missing";

export interface ProviderProblem {
  kind: ProviderProblemKind;
  baseURL: string;
  model: string;
  /** The structured-output mode now used (`structured_output_fallback`). */
  fallback?: string;
  /** The models the server lists at GET /models (`model_not_found`), when it lists them. */
  availableModels?: string[];
  /** The problem in English with its fix, for logs and API clients; the console words it itself. */
  message: string;
  firstSeenAt: string;
  lastSeenAt: string;
  count: number;
}

const MAX_PROBLEMS = 100;
const MAX_LISTED_MODELS = 50;
const problems = new Map<string, ProviderProblem>();

const keyOf = (p: Pick<ProviderProblem, "kind" | "baseURL" | "model">) =>
  `${p.kind} ${p.baseURL} ${p.model}`;

function describe(p: Omit<ProviderProblem, "message" | "firstSeenAt" | "lastSeenAt" | "count">) {
  switch (p.kind) {
    case "model_not_found":
      return (
        `Model '${p.model}' not found on ${p.baseURL} — set OPENAI_MODEL or the agent's model` +
        (p.availableModels?.length
          ? ` to one of: ${p.availableModels.join(", ")}`
          : " to a model it serves")
      );
    case "moderation_unavailable":
      return `${p.baseURL} has no moderation endpoint: moderation is skipped`;
    case "structured_output_fallback":
      return `No json_schema support for '${p.model}' on ${p.baseURL}: falling back to ${p.fallback ?? "a simpler mode"}`;
    case "usage_missing":
      return `${p.baseURL} reports no token usage for '${p.model}': usage and cost are estimated`;
  }
}

/** Notes a problem (the latest wins; the count says how often it happened). */
export function recordProviderProblem(
  problem: Omit<ProviderProblem, "message" | "firstSeenAt" | "lastSeenAt" | "count">,
  now = new Date(),
): ProviderProblem {
  const key = keyOf(problem);
  const previous = problems.get(key);
  const at = now.toISOString();
  const next: ProviderProblem = {
    ...problem,
    message: describe(problem),
    firstSeenAt: previous?.firstSeenAt ?? at,
    lastSeenAt: at,
    count: (previous?.count ?? 0) + 1,
  };
  problems.delete(key);
  problems.set(key, next);
  // Bounded: a server answering with endless model names cannot grow this without end.
  if (problems.size > MAX_PROBLEMS) problems.delete(problems.keys().next().value!);
  return next;
}

/** The problems seen, newest first. */
export function providerProblems(): ProviderProblem[] {
  return [...problems.values()].reverse();
}

/** Forgets them all (tests; a changed configuration). */
export function clearProviderProblems(): void {
  problems.clear();
}

/** The models a server lists at GET /models (OpenAI, vLLM, Ollama's /v1, LM Studio), or none. */
export async function listServerModels(client: OpenAI, timeoutMs = 3_000): Promise<string[]> {
  try {
    const page = await client.models.list({ signal: AbortSignal.timeout(timeoutMs) });
    return page.data
      .map((model) => model.id)
      .filter((id) => typeof id === "string" && id.length > 0 && id.length <= 200)
      .slice(0, MAX_LISTED_MODELS);
  } catch {
    return [];
  }
}

/** A 404 or `model_not_found` from a call naming `model`: recorded with the models the server offers. */
export async function noteModelNotFound(
  connection: { client: OpenAI; baseURL: string },
  model: string,
  error: unknown,
): Promise<void> {
  const { status, code } = (error ?? {}) as { status?: number; code?: string };
  if (status !== 404 && code !== "model_not_found") return;
  recordProviderProblem({
    kind: "model_not_found",
    baseURL: connection.baseURL,
    model,
    availableModels: await listServerModels(connection.client),
  });
}
