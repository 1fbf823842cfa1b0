import type { ChatOutcome } from "./chat-step";
import type { ModerationVerdict } from "./moderation-step";

export type GuardedEnd =
  | { kind: "answered"; outcome: ChatOutcome }
  /** Moderation flagged the customer's message (input) or the reply while it streamed (output). */
  | { kind: "blocked"; stage: "input" | "output" };

export interface ChatGuards {
  /** Input moderation, still running when the chat call starts: nothing streams until it clears. */
  input: Promise<ModerationVerdict | null>;
  /** Whether output moderation has flagged the reply streamed so far. */
  outputFlagged: () => boolean;
  /** Ends the chat call at once (the turn no longer needs it). */
  stop: () => void;
}

const INPUT_SETTLED = Symbol("input settled");

/**
 * The chat call's deltas as the customer may see them: held back until input moderation clears (the
 * call itself does not wait for it), and cut off as soon as moderation flags the message or the reply.
 * A blocked turn stops the chat call instead of paying for the rest of the answer.
 */
export async function* guardedChat(
  chat: AsyncGenerator<string, ChatOutcome>,
  guards: ChatGuards,
): AsyncGenerator<string, GuardedEnd> {
  let inputKnown = false;
  let inputFlagged = false;
  const inputSettled = guards.input.then<typeof INPUT_SETTLED, typeof INPUT_SETTLED>(
    (verdict) => {
      inputKnown = true;
      inputFlagged = verdict?.flagged === true;
      return INPUT_SETTLED;
    },
    () => {
      inputKnown = true;
      return INPUT_SETTLED;
    },
  );
  let held = "";
  let finished = false;
  const blocked = (stage: "input" | "output"): GuardedEnd => {
    guards.stop();
    return { kind: "blocked", stage };
  };
  let pending = chat.next();
  try {
    for (;;) {
      const step = inputKnown ? await pending : await Promise.race([pending, inputSettled]);
      if (inputFlagged) return blocked("input");
      if (step === INPUT_SETTLED) {
        if (held) yield held;
        held = "";
        continue;
      }
      if (guards.outputFlagged()) return blocked("output");
      if (step.done) {
        finished = true;
        if (!inputKnown) await inputSettled;
        if (inputFlagged) return blocked("input");
        if (held) yield held;
        return { kind: "answered", outcome: step.value };
      }
      if (inputKnown) yield step.value;
      else held += step.value;
      pending = chat.next();
    }
  } finally {
    // A consumer that stopped early (or a block) leaves the call running: end it.
    if (!finished) {
      guards.stop();
      void pending
        .then(() => chat.return(undefined as unknown as ChatOutcome))
        .catch(() => undefined);
    }
  }
}
