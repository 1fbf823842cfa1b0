import type { AgentConfig } from "@agents-crm/config/agent-config";
import { consoleTurnLogger } from "./log-fields";
import { moderate, type ModerationVerdict } from "./moderation-step";
import { retrieve, type Retrieval } from "./retrieval-step";
import type { TurnDeps, TurnInput, TurnLogger } from "./types";

export interface Preparation {
  /** Input moderation (null when the mode does not moderate input). */
  pre: ModerationVerdict | null;
  retrieval: Retrieval;
}

/**
 * The two calls of a preparation, each on its own: the chat call needs the retrieval (the prompt holds
 * the knowledge) but not the input moderation, which only has to be in before anything reaches the
 * customer.
 */
export interface PreparationCalls {
  pre: Promise<ModerationVerdict | null>;
  retrieval: Promise<Retrieval>;
}

/**
 * The part of a turn that does not need the model: input moderation and retrieval, started early.
 * The API starts one when a customer message arrives and hands it to the turn once the burst window
 * closes, so those calls overlap the wait instead of preceding the chat call.
 */
export interface PreparedTurn {
  readonly key: string;
  readonly calls: PreparationCalls;
  readonly ready: Promise<Preparation>;
  /** A cancelled preparation is never reused: its calls may have been cut short. */
  readonly cancelled: boolean;
  /** Stops the calls when the preparation is replaced (another message joined the burst). */
  cancel(): void;
}

export function customerText(messages: readonly string[]): string {
  return messages
    .map((message) => message.trim())
    .filter((message) => message !== "")
    .join("\n");
}

/** Which inputs a preparation depends on: a turn reuses it only when all of them match. */
export function preparationKey(agentId: string, config: AgentConfig, text: string): string {
  const { moderation, rag } = config;
  return JSON.stringify([
    agentId,
    text,
    moderation.enabled,
    moderation.mode,
    moderation.categories,
    rag.enabled,
    rag.retrieval,
  ]);
}

export function startPreparation(
  input: { agentId: string; config: AgentConfig; text: string },
  deps: TurnDeps,
  context: { logger: TurnLogger; signal: AbortSignal },
): PreparationCalls {
  const { agentId, config, text } = input;
  const { mode, enabled } = config.moderation;
  const moderatesInput = enabled && mode !== "post";
  const pre = moderatesInput
    ? moderate(deps.providers.moderator, config, text, { agentId, stage: "input", ...context })
    : Promise.resolve(null);
  const retrieval = retrieve(deps.knowledge, config, text, { agentId, ...context });
  return { pre, retrieval };
}

/** Starts input moderation and retrieval for messages a turn will answer later (see `TurnInput.prepared`). */
export function prepareTurn(
  input: Pick<TurnInput, "agentId" | "config" | "messages" | "signal">,
  deps: TurnDeps,
): PreparedTurn {
  const controller = new AbortController();
  const cancel = () => controller.abort(input.signal?.reason);
  if (input.signal?.aborted) cancel();
  input.signal?.addEventListener("abort", cancel, { once: true });
  const text = customerText(input.messages);
  const calls = startPreparation({ agentId: input.agentId, config: input.config, text }, deps, {
    logger: deps.logger ?? consoleTurnLogger,
    signal: controller.signal,
  });
  const ready = Promise.all([calls.pre, calls.retrieval])
    .then(([pre, retrieval]) => ({ pre, retrieval }))
    .finally(() => input.signal?.removeEventListener("abort", cancel));
  return {
    key: preparationKey(input.agentId, input.config, text),
    calls,
    ready,
    get cancelled() {
      return controller.signal.aborted;
    },
    cancel,
  };
}
