import type { ModelAnswer } from "../prompt/output-contract";
import { toTurnEscalation } from "./decide-escalation";
import { finishTurn, outputBlocked, replyOf } from "./finish-turn";
import { answerWantsAfterHoursNote, withAfterHoursNote } from "./reply-details";
import { outputVerdict, streamedModeration, type StreamedModeration } from "./streamed-moderation";
import type { TurnState } from "./turn-state";
import type { TurnDeps, TurnEvent, TurnResult } from "./types";

/** The model's own answer as the result, once output moderation (whatever is left of it) clears it. */
export async function plainAnswer(
  state: TurnState,
  deps: TurnDeps,
  answer: ModelAnswer | null,
  modelText: string,
  sources: TurnResult["sources"],
  watcher: StreamedModeration | null,
): Promise<TurnEvent> {
  const { config, open, language } = state;
  if (state.postModeration && answer) {
    const verdict = await outputVerdict(watcher, answer.reply, () =>
      streamedModeration(deps.providers.moderator, config, state.moderating),
    );
    state.steps.push(...verdict.metrics);
    if (verdict.flagged) return outputBlocked(state, verdict.category, sources, answer);
  }
  const textOut = answerWantsAfterHoursNote(open, state.rules.candidates, answer)
    ? withAfterHoursNote(config, modelText, language, state.input.history)
    : modelText;
  return finishTurn(
    state,
    { reply: replyOf(state, textOut), escalation: toTurnEscalation(null, answer), sources },
    answer,
  );
}
