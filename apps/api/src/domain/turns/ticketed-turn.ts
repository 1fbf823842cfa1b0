import type { Conversation } from "@agents-crm/db";
import type { TurnOutput } from "./commit-reply";
import { turnStopReason, type TurnRunner } from "./turn-lanes";
import type { WebTurnTickets } from "./web-turn-tickets";

/**
 * Runs a turn and settles the web-turn items of the messages it answers: done when the turn ended
 * (answered, or a human took over), retried when it failed. A turn folded into a later one leaves them
 * to that turn; a turn stopped by shutdown leaves them to the next process (their items were given
 * back). A queued turn over given-back messages does not start here at all.
 */
export function ticketedTurn(
  tickets: WebTurnTickets,
  conversation: Conversation,
  run: TurnRunner<TurnOutput>,
): TurnRunner<TurnOutput> {
  return async (batch, handle) => {
    if (tickets.given(batch)) return { reply: null, conversation };
    try {
      const output = await run(batch, handle);
      const stopped = turnStopReason(handle.signal);
      if (stopped !== "folded" && stopped !== "shutdown") tickets.finished(batch);
      return output;
    } catch (error) {
      const stopped = turnStopReason(handle.signal);
      if (stopped === "cancelled") tickets.finished(batch);
      else if (stopped === null) tickets.failed(batch, error);
      throw error;
    }
  };
}
