import { MODEL_ANSWER_FORMAT } from "../prompt/output-contract";
import { buildTurnMessages } from "../prompt/turn-messages";
import { chatForAnswer, type ChatOutcome } from "./chat-step";
import { decideEscalation } from "./decide-escalation";
import { guardedChat } from "./guarded-chat";
import type { ModerationVerdict } from "./moderation-step";
import type { Retrieval } from "./retrieval-step";
import { streamedModeration, type StreamedModeration } from "./streamed-moderation";
import { turnContext } from "./turn-context";
import type { TurnState } from "./turn-state";
import type { TurnDeps } from "./types";

/**
 * What the model is told about attached photos: it describes them, and a photo of a symptom or a body
 * is a medical matter for a human (the clinic's medical policy), with that description in the summary.
 */
export const PHOTO_INSTRUCTION =
  "the customer's photo is attached; read it with their words. Describe it in one line in " +
  "escalation.summary when you escalate. A photo of a symptom, injury, skin or body part is a " +
  "medical question: do not assess it, escalate it (type medical).";

export type ChatPhaseEnd =
  | { kind: "input-blocked" }
  | { kind: "output-blocked"; category: string | null }
  | { kind: "done"; outcome: ChatOutcome; watcher: StreamedModeration | null };

/**
 * The one chat call, streamed out as deltas while the input moderation and the streamed output
 * moderation may still stop it.
 */
export async function* chatPhase(
  state: TurnState,
  deps: TurnDeps,
  retrieval: Retrieval,
  pre: Promise<ModerationVerdict | null>,
): AsyncGenerator<{ type: "delta"; text: string }, ChatPhaseEnd> {
  const { config, input, language, now, open, rules } = state;
  const rulesEscalate =
    decideEscalation({
      config,
      open,
      answer: null,
      failure: null,
      ruleCandidates: rules.candidates,
    }) !== null;
  // Output moderation of the attempt that streams now (a retried answer gets a fresh one).
  const output: { watcher: StreamedModeration | null } = { watcher: null };
  const chatStop = new AbortController();
  const chat = chatForAnswer(
    deps.providers.chat,
    {
      model: config.llm.model,
      messages: buildTurnMessages({
        config,
        history: input.history,
        messages: state.messages,
        knowledge: retrieval.sources,
        context: {
          ...turnContext({ config, language, now, open, rules }),
          ...(input.images?.length ? { photos: PHOTO_INSTRUCTION } : {}),
        },
        images: input.images,
      }),
      temperature: config.llm.temperature,
      maxOutputTokens: config.llm.max_output_tokens,
      timeoutMs: config.llm.timeout * 1000,
      responseSchema: MODEL_ANSWER_FORMAT,
      signal: AbortSignal.any([state.signal, chatStop.signal]),
    },
    {
      streamDeltas: !rulesEscalate,
      watchReply:
        state.postModeration && !rulesEscalate
          ? () =>
              (output.watcher = streamedModeration(
                deps.providers.moderator,
                config,
                state.moderating,
              ))
          : undefined,
    },
  );
  const guarded = guardedChat(chat, {
    input: pre,
    outputFlagged: () => output.watcher?.flagged === true,
    stop: () => chatStop.abort(),
  });
  let step = await guarded.next();
  while (!step.done) {
    yield { type: "delta", text: step.value };
    step = await guarded.next();
  }
  if (step.value.kind === "blocked") {
    if (step.value.stage === "input") return { kind: "input-blocked" };
    const verdict = await output.watcher!.verdict();
    state.steps.push(...verdict.metrics);
    return { kind: "output-blocked", category: verdict.category };
  }
  return { kind: "done", outcome: step.value.outcome, watcher: output.watcher };
}
