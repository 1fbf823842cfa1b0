import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import {
  createUlidFactory,
  type Conversation,
  type Message,
  type Repositories,
} from "@agents-crm/db";
import type { Logger } from "../../logger";
import type { BackgroundWork } from "../alerts/background-work";
import type { TurnLanes } from "./turn-lanes";
import { createConversationLeases } from "../../cluster/conversation-leases";
import { createHeldLeases, settleTurnItems } from "./web-turn-items";
import { WEB_TURN_SCOPE, webTurnKeyOf, webTurnOrderKey, type WebTurnJob } from "./web-turn-job";

/**
 * How long a process may go silent before another takes its web turns over. Renewed while the turn
 * runs, so a slow model never hands a live turn to a second process; short, so a visitor whose
 * process died waits this long at most (a restart of the embedded engine takes over at once).
 */
export const WEB_TURN_LEASE_MS = 20_000;
export interface WebTurnTicket {
  key: string;
  /**
   * False while stopping (the message is left to the inbox workers of the next process), or when
   * another replica runs the conversation's turns (`elsewhere`: it is handed to that replica).
   */
  runsHere: boolean;
  elsewhere: boolean;
}

/** Records a message's turn in the inbox, leased to `lease.owner` when given. */
async function recordTurn(
  repos: Pick<Repositories, "inboundEvents">,
  id: string,
  conversation: Conversation,
  lease: { owner: string; leaseMs: number } | null,
): Promise<string> {
  const job: WebTurnJob = {
    job: "web-turn",
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
  };
  const { eventKey } = await repos.inboundEvents.record({
    platform: "web_chat",
    scope: WEB_TURN_SCOPE,
    externalId: id,
    orderKey: webTurnOrderKey(conversation.conversationId),
    orderSort: id,
    payload: job,
    ...(lease ? { lease } : {}),
  });
  return eventKey;
}

/**
 * Stops these conversations' turns and waits until they ended: one still calling the model stops at
 * once; one already writing its reply (committed) cannot be stopped and finishes, settling its item.
 */
async function stopTurns(turns: TurnLanes, conversationIds: Iterable<string>): Promise<void> {
  for (const conversationId of conversationIds) turns.abandon(conversationId);
  await turns.idle();
}

/** This process's leases on the web turns it runs. */
export function createWebTurnTickets(input: {
  repos: Pick<Repositories, "inboundEvents" | "leases">;
  turns: TurnLanes;
  work: BackgroundWork;
  log: Logger;
  replicaId: string;
  leaseMs?: number;
  /** No other process runs turns on this database: conversations need no cluster lease. */
  soleProcess?: boolean;
}) {
  const { repos, turns, work } = input;
  const log = input.log.child({ component: "web-turns" });
  const leaseMs = input.leaseMs ?? WEB_TURN_LEASE_MS;
  const owner = `${hostname()}#${process.pid}#${randomBytes(4).toString("hex")}`;
  const ulid = createUlidFactory(() => new Date());
  const conversations = createConversationLeases({
    leases: repos.leases,
    replicaId: input.replicaId,
    leaseMs,
    log,
    soleProcess: input.soleProcess,
    busy: (conversationId) =>
      turns.active(conversationId) || held.current().some(([, id]) => id === conversationId),
  });
  const held = createHeldLeases({
    repos,
    owner,
    leaseMs,
    log,
    alsoRenew: () => conversations.renewAll(),
  });
  const items = settleTurnItems({ repos, owner, work, log });
  /** Given back at the deadline: a turn over them that has not started must not start here. */
  const abandoned = new Set<string>();
  let stopping = false;
  let pastDeadline = false;

  return {
    owner,

    /**
     * Records the turn of a message about to be stored; held here unless this process is stopping or
     * another replica runs the conversation's turns.
     */
    async open(conversation: Conversation): Promise<WebTurnTicket> {
      const id = conversation.conversationId;
      const elsewhere = !stopping && !(await conversations.claim(id));
      const runsHere = !stopping && !elsewhere;
      const key = await recordTurn(
        repos,
        ulid(),
        conversation,
        runsHere ? { owner, leaseMs } : null,
      );
      if (!runsHere) return { key, runsHere, elsewhere };
      if (pastDeadline) {
        await items.release([key]);
        return { key, runsHere: false, elsewhere: false };
      }
      held.hold(key, id);
      return { key, runsHere, elsewhere };
    },

    /** Whether this replica runs the conversation's turns now (it holds or takes its lease). */
    claimConversation: (conversationId: string): Promise<boolean> =>
      stopping ? Promise.resolve(false) : conversations.claim(conversationId),

    /** Whether this replica holds the conversation's lease (runs its turns) now. */
    holds: (conversationId: string): boolean => !stopping && conversations.holds(conversationId),

    /** Takes a turn item another replica recorded for a conversation this replica runs. */
    async take(key: string, conversationId: string): Promise<boolean> {
      if (stopping || !(await repos.inboundEvents.take(key, owner, leaseMs))) return false;
      held.hold(key, conversationId);
      return true;
    },

    /** A taken item its turn did not settle (nothing left to answer): done, or retried on failure. */
    settleTaken(key: string, error?: unknown): void {
      if (!held.drop(key)) return;
      if (error === undefined) items.complete(key);
      else items.retry(key, error);
    },

    /** Gives the conversation's lease up once this replica has no turn of it running or queued. */
    settle(conversationId: string): void {
      if (turns.active(conversationId) || !conversations.holds(conversationId)) return;
      work.run("release conversation lease", () => conversations.release(conversationId));
    },

    /** Whether a turn over these messages must not start here: their items were given back. */
    given(batch: readonly Message[]): boolean {
      return batch.some((message) => abandoned.has(webTurnKeyOf(message) ?? ""));
    },

    /** The turn over these messages ended (answered, or nothing left to answer): their items are done. */
    finished(batch: readonly Message[]): void {
      for (const message of batch) {
        const key = webTurnKeyOf(message);
        if (key && held.drop(key)) items.complete(key);
      }
    },

    /** The turn failed: its items are retried by the inbox workers, with back-off. */
    failed(batch: readonly Message[], error: unknown): void {
      for (const message of batch) {
        const key = webTurnKeyOf(message);
        if (key && held.drop(key)) items.retry(key, error);
      }
    },

    /** Storing the message failed (it may still have landed): the inbox workers find out and answer. */
    notStored(ticket: WebTurnTicket, error: unknown): void {
      if (held.drop(ticket.key)) items.retry(ticket.key, error);
    },

    /**
     * Stops taking turns (new messages are stored and left to the inbox), lets the running ones finish
     * until `deadline`, then stops those and gives their items back, due at once. A turn already
     * writing its reply at the deadline finishes it and completes its item: giving that item back
     * while the reply is being written would let the next process answer the message a second time.
     */
    async stop(deadline = Number.POSITIVE_INFINITY): Promise<void> {
      stopping = true;
      await held.emptyBy(deadline);
      pastDeadline = true;
      const running = held.current();
      if (running.length > 0) {
        for (const [key] of running) abandoned.add(key);
        await stopTurns(turns, new Set(running.map(([, conversationId]) => conversationId)));
      }
      const left = await held.releaseAll();
      await conversations.releaseAll();
      if (left.length === 0) return;
      await items.release(left.map(([key]) => key));
      log.info("web turns left to the next process", { turns: left.length });
    },
  };
}

export type WebTurnTickets = ReturnType<typeof createWebTurnTickets>;
