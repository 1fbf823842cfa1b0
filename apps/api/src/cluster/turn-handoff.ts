import { z } from "zod";
import type { InboundEvent as InboxItem } from "@agents-crm/db";
import type { ApiDeps } from "../deps";
import type { WebTurnJob } from "../domain/turns/web-turn-job";
import { recoverWebTurn } from "../channels/worker/recover-web-turn";

/** Internal stream (never a client's): "a web-chat turn waits for the replica that runs its conversation". */
export const TURN_HANDOFF_STREAM = "cluster#web-turns";

const waitingTurn = z.object({
  conversationId: z.string().min(1),
  agentId: z.string().min(1),
  eventKey: z.string().min(1),
});
export type WaitingTurn = z.infer<typeof waitingTurn>;

/**
 * A replica stored a web-chat message whose conversation another replica runs: every replica hears it
 * (through Redis), and the one that holds — or can now take — the conversation's lease takes the turn
 * item and answers in its lane, folding it into a running turn as one process would. Nobody hearing it
 * (Redis down, the holder just died) leaves the item to the inbox workers, which find it by polling.
 */
export function handTurnOver(deps: Pick<ApiDeps, "hub" | "log">, turn: WaitingTurn): void {
  deps.hub.publishTransient(TURN_HANDOFF_STREAM, "turn.waiting", turn).catch((error: unknown) => {
    deps.log.warn("web turn hand-off not published; the inbox workers answer it", { error });
  });
}

/**
 * The same message, announced as soon as its turn item exists and before it is stored: the holder's
 * running turn waits for it (at most this long) before writing its reply, so the message folds into
 * that turn as it would on one replica rather than getting a turn of its own just after it.
 */
export function announceTurn(deps: Pick<ApiDeps, "hub" | "log">, turn: WaitingTurn): void {
  deps.hub.publishTransient(TURN_HANDOFF_STREAM, "turn.incoming", turn).catch((error: unknown) => {
    deps.log.warn("web turn announcement not published", { error });
  });
}

/** How long a holder's turn waits for an announced message (its replica may die before storing it). */
export const ANNOUNCED_TURN_WAIT_MS = 2_000;

async function takeOver(deps: ApiDeps, turn: WaitingTurn): Promise<void> {
  const { conversationId, eventKey } = turn;
  if (!(await deps.webTurns.claimConversation(conversationId))) return;
  if (!(await deps.webTurns.take(eventKey, conversationId))) {
    deps.webTurns.settle(conversationId);
    return;
  }
  try {
    await recoverWebTurn(deps, { eventKey }, { job: "web-turn", ...turn });
    deps.webTurns.settleTaken(eventKey);
  } catch (error) {
    deps.webTurns.settleTaken(eventKey, error);
  } finally {
    deps.turns.arrived(conversationId, eventKey);
    deps.webTurns.settle(conversationId);
  }
}

/** Another replica runs the conversation's turns right now: the item waits for it (or for its lease). */
export class ConversationBusyError extends Error {
  override name = "ConversationBusyError";
}

/**
 * An inbox worker's web turn (its process died or stopped, or a hand-off went unheard): answered here
 * only under the conversation's lease, so it never runs beside a turn another replica is running.
 */
export async function recoverWebTurnHere(
  deps: ApiDeps,
  item: Pick<InboxItem, "eventKey">,
  job: WebTurnJob,
): Promise<void> {
  if (!(await deps.webTurns.claimConversation(job.conversationId))) {
    throw new ConversationBusyError(`conversation ${job.conversationId} runs on another replica`);
  }
  try {
    await recoverWebTurn(deps, item, job);
  } finally {
    deps.webTurns.settle(job.conversationId);
  }
}

/** Listens for hand-offs from other replicas; returns the unsubscribe function. */
export function startTurnHandoff(deps: ApiDeps): () => void {
  const log = deps.log.child({ component: "turn-handoff" });
  return deps.hub.subscribe(TURN_HANDOFF_STREAM, (event) => {
    const turn = waitingTurn.safeParse(event.payload);
    if (!turn.success) return;
    const { conversationId, eventKey } = turn.data;
    if (event.type === "turn.incoming") {
      if (deps.webTurns.holds(conversationId))
        deps.turns.expect(conversationId, eventKey, ANNOUNCED_TURN_WAIT_MS);
      return;
    }
    deps.work.run("take a handed-over web turn", () =>
      takeOver(deps, turn.data).catch((error: unknown) => {
        log.warn("handed-over web turn not taken; the inbox workers answer it", { error });
      }),
    );
  });
}
