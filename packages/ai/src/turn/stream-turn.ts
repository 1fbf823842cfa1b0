import { stripMarkdown } from "../postprocess/strip-markdown";
import { attachmentsOf } from "./attachments";
import { chatPhase } from "./chat-phase";
import { takeChatOutcome } from "./chat-outcome";
import { toTurnEscalation } from "./decide-escalation";
import { escalationReply } from "./escalation-reply";
import { finishTurn, inputBlocked, outputBlocked } from "./finish-turn";
import { plainAnswer } from "./plain-answer";
import { preparationKey, startPreparation } from "./prepare-turn";
import { usedSources } from "./reply-details";
import { turnState } from "./turn-state";
import type { TurnDeps, TurnEvent, TurnInput } from "./types";

/**
 * One agent turn, streamed. Input moderation and retrieval start together (the keyword and contact
 * rules are synchronous); ONE chat call, returning reply + escalation, starts as soon as the knowledge
 * is in, while input moderation may still run (nothing streams out until it clears). Output moderation
 * checks the reply sentence by sentence as it streams, so after the reply string closes only its last
 * sentences are still being checked.
 */
export async function* streamTurn(
  input: TurnInput,
  deps: TurnDeps,
): AsyncGenerator<TurnEvent, void> {
  // A consumer that stops listening (the customer left, an admin took over) cancels the model calls.
  const controller = new AbortController();
  const cancel = () => controller.abort(input.signal?.reason);
  if (input.signal?.aborted) cancel();
  input.signal?.addEventListener("abort", cancel, { once: true });
  let finished = false;
  try {
    for await (const event of turnEvents(input, deps, controller.signal)) {
      if (event.type === "result") finished = true;
      yield event;
    }
  } finally {
    input.signal?.removeEventListener("abort", cancel);
    if (!finished) cancel();
  }
}

async function* turnEvents(
  input: TurnInput,
  deps: TurnDeps,
  signal: AbortSignal,
): AsyncGenerator<TurnEvent, void> {
  const state = turnState(input, deps, signal);
  const { config, agentId, logger, text } = state;
  if (state.messages.length === 0) {
    yield finishTurn(state, { reply: null, escalation: toTurnEscalation(null, null), sources: [] });
    return;
  }

  const prepared = input.prepared;
  const reusable =
    prepared && !prepared.cancelled && prepared.key === preparationKey(agentId, config, text);
  const calls = reusable
    ? prepared.calls
    : startPreparation({ agentId, config, text }, deps, { logger, signal });
  // The chat call waits for the knowledge, not for input moderation: that only gates what streams out.
  const pre = calls.pre.then((verdict) => (state.inputCheck.verdict = verdict));
  const retrieval = await calls.retrieval;
  if (retrieval.metrics) state.steps.push(retrieval.metrics);
  const retrieved = retrieval.sources ?? [];
  if (state.inputCheck.verdict?.flagged) {
    yield inputBlocked(state);
    return;
  }

  const chat = yield* chatPhase(state, deps, retrieval, pre);
  if (chat.kind === "input-blocked") {
    yield inputBlocked(state);
    return;
  }
  if (chat.kind === "output-blocked") {
    yield outputBlocked(state, chat.category, []);
    return;
  }
  const { answer, failure } = takeChatOutcome(state, chat.outcome);
  const sources = usedSources(answer, retrieved);
  const modelText = answer ? stripMarkdown(answer.reply) : "";
  const handoff = escalationReply(state, answer, failure, modelText, sources);
  if (handoff) {
    yield handoff;
    return;
  }
  yield await plainAnswer(
    state,
    deps,
    answer,
    modelText,
    sources,
    chat.watcher,
    attachmentsOf(answer, retrieved),
  );
}
