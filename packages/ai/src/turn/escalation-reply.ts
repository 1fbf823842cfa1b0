import type { ModelAnswer } from "../prompt/output-contract";
import { decideEscalation, toTurnEscalation } from "./decide-escalation";
import { finishTurn, replyOf } from "./finish-turn";
import { handoffText } from "./handoff-reply";
import { handoffWantsAfterHoursNote, withAfterHoursNote } from "./reply-details";
import { llmErrorText } from "./templates";
import type { TurnState } from "./turn-state";
import type { TurnEvent, TurnResult } from "./types";

/**
 * The handoff result when the rules, the model or a failure (an empty reply included) call for a
 * human; null when the model's answer goes out as it is.
 */
export function escalationReply(
  state: TurnState,
  answer: ModelAnswer | null,
  failure: string | null,
  modelText: string,
  sources: TurnResult["sources"],
): TurnEvent | null {
  const { config, open, language, rules } = state;
  let chosen = decideEscalation({
    config,
    open,
    answer,
    failure,
    ruleCandidates: rules.candidates,
  });
  if (!chosen && modelText === "") {
    state.flags.fallback = true;
    chosen = {
      type: "custom",
      reason: "The model's reply was empty",
      confidence: 1,
      source: "error",
    };
  }
  if (!chosen) return null;
  const handoff =
    chosen.source === "error" && chosen.type === "custom"
      ? llmErrorText(config, language)
      : handoffText(config, language, rules.candidates, chosen.type, answer);
  const textOut = handoffWantsAfterHoursNote(open, chosen.type)
    ? withAfterHoursNote(config, handoff, language, state.input.history)
    : handoff;
  return finishTurn(
    state,
    { reply: replyOf(state, textOut), escalation: toTurnEscalation(chosen, answer), sources },
    answer,
  );
}
