import type { Message } from "@agents-crm/db";
import type { ApiDeps } from "../deps";
import { conversationStream } from "../realtime/types";

/**
 * How long a send handed to another replica waits for that replica's answer. Past it (the holder died
 * and the inbox workers answer after its lease runs out) the send returns without a reply, and the
 * answer reaches the web chat over its live stream.
 */
export const HANDED_OVER_REPLY_WAIT_MS = 30_000;
const RECENT = 20;

export interface HandedOverOutcome {
  reply: Message | null;
  /** Answered by a reply to a later message of the same burst, or by a human: no reply of its own. */
  folded: boolean;
}

/**
 * What became of `message` by the newest messages: its reply, answered by another's (a reply covers
 * every customer message up to the last one it answers, as in unanswered.ts: the model saw them), or
 * not yet.
 */
function outcomeIn(recent: readonly Message[], message: Message): HandedOverOutcome | null {
  for (const m of recent) {
    if (m.messageId <= message.messageId) continue;
    if (m.role === "admin") return { reply: null, folded: true };
    if (m.role !== "agent") continue;
    const last = (m.metadata.answers ?? []).reduce((a, b) => (a > b ? a : b), "") || m.messageId;
    if (last < message.messageId) continue;
    return last === message.messageId ? { reply: m, folded: false } : { reply: null, folded: true };
  }
  return null;
}

/**
 * Listens, before the message is handed over, for the answer of the replica that runs the conversation,
 * so the visitor's send returns its reply as it does on one replica. Each agent or staff message on the
 * conversation's stream is checked against the stored messages (the stream's view has no `answers`).
 */
export function awaitHandedOverReply(
  deps: Pick<ApiDeps, "hub" | "repos" | "log">,
  message: Message,
  maxMs = HANDED_OVER_REPLY_WAIT_MS,
): Promise<HandedOverOutcome> {
  const { conversationId } = message;
  return new Promise((resolve) => {
    let done = false;
    let checking = Promise.resolve();
    const finish = (outcome: HandedOverOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      resolve(outcome);
    };
    const check = async () => {
      const recent = await deps.repos.messages.lastN(conversationId, RECENT);
      const outcome = outcomeIn(recent, message);
      if (outcome) finish(outcome);
    };
    const unsubscribe = deps.hub.subscribe(conversationStream(conversationId), (event) => {
      if (done || event.type !== "message") return;
      checking = checking.then(check).catch((error: unknown) => {
        deps.log.warn("handed-over reply check failed", { error });
      });
    });
    const timer = setTimeout(() => finish({ reply: null, folded: false }), maxMs);
    timer.unref();
  });
}
