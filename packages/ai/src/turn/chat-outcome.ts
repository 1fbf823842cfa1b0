import type { ModelAnswer } from "../prompt/output-contract";
import type { ChatOutcome } from "./chat-step";
import { errorFields } from "./log-fields";
import type { TurnState } from "./turn-state";

function failureOf(outcome: ChatOutcome): string | null {
  if (outcome.kind === "answer") return null;
  if (outcome.kind === "malformed") return `malformed answer: ${outcome.problem}`;
  const kind = (outcome.error as { kind?: unknown } | null)?.kind;
  return typeof kind === "string" ? kind : "error";
}

/** Tallies the chat call's metrics and flags, logs a failed call, and says what the model gave. */
export function takeChatOutcome(
  state: TurnState,
  outcome: ChatOutcome,
): { answer: ModelAnswer | null; failure: string | null } {
  const { flags, logger, agentId } = state;
  state.steps.push(...outcome.metrics);
  const answer: ModelAnswer | null = outcome.kind === "answer" ? outcome.answer : null;
  if (outcome.kind === "answer" && outcome.retried) flags.retried = true;
  const failure = failureOf(outcome);
  if (outcome.kind === "failed" && !state.signal.aborted) {
    (logger.error ?? logger.warn)("chat call failed; the customer gets the fallback text", {
      agentId,
      ...errorFields(outcome.error),
    });
  } else if (outcome.kind === "malformed") {
    logger.warn("the model answered malformed output twice; the customer gets the fallback text", {
      agentId,
    });
  }
  if (failure !== null) flags.fallback = true;
  return { answer, failure };
}
