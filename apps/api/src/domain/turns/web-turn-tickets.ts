import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import {
  createUlidFactory,
  type Conversation,
  type Message,
  type Repositories,
} from "@agents-crm/db";
import { DEFAULT_BACKOFF, DEFAULT_MAX_ATTEMPTS } from "../../channels/worker/worker-runtime";
import type { Logger } from "../../logger";
import type { BackgroundWork } from "../alerts/background-work";
import type { TurnLanes } from "./turn-lanes";
import { WEB_TURN_SCOPE, webTurnKeyOf, webTurnOrderKey, type WebTurnJob } from "./web-turn-job";

/**
 * How long a process may go silent before another takes its web turns over. Renewed while the turn
 * runs, so a slow model never hands a live turn to a second process; short, so a visitor whose
 * process died waits this long at most (a restart of the embedded engine takes over at once).
 */
export const WEB_TURN_LEASE_MS = 20_000;
const RENEW_EVERY_MS = 5_000;
/** After the deadline: time for turns already writing their reply to finish before theirs is released. */
const SETTLE_MS = 500;

export interface WebTurnTicket {
  key: string;
  /** False while stopping: the message is stored and left to the inbox workers of the next process. */
  runsHere: boolean;
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** This process's leases on the web turns it runs. */
export function createWebTurnTickets(input: {
  repos: Pick<Repositories, "inboundEvents">;
  turns: TurnLanes;
  work: BackgroundWork;
  log: Logger;
  leaseMs?: number;
}) {
  const { repos, turns, work } = input;
  const log = input.log.child({ component: "web-turns" });
  const leaseMs = input.leaseMs ?? WEB_TURN_LEASE_MS;
  const owner = `${hostname()}#${process.pid}#${randomBytes(4).toString("hex")}`;
  const ulid = createUlidFactory(() => new Date());
  /** Item key → its conversation, while this process runs the turn. */
  const held = new Map<string, string>();
  /** Given back at the deadline: a turn over them that has not started must not start here. */
  const abandoned = new Set<string>();
  let stopping = false;
  let pastDeadline = false;
  const waiters = new Set<() => void>();
  let renewing: Promise<void> = Promise.resolve();

  const drop = (key: string): boolean => {
    const had = held.delete(key);
    if (had) for (const wake of waiters) wake();
    return had;
  };

  const renewAll = async () => {
    for (const key of [...held.keys()]) {
      const kept = await repos.inboundEvents.renew(key, owner, leaseMs).catch((error: unknown) => {
        log.warn("web turn lease renewal failed", { error });
        return true;
      });
      if (!kept && drop(key)) log.warn("web turn lease lost", { eventKey: key });
    }
  };
  const timer = setInterval(
    () => {
      renewing = renewing.then(renewAll);
    },
    Math.min(RENEW_EVERY_MS, Math.floor(leaseMs / 3)),
  );
  timer.unref();

  const release = (keys: string[]) =>
    Promise.all(
      keys.map((key) =>
        repos.inboundEvents
          .release(key, owner)
          .catch((error: unknown) => log.warn("web turn release failed", { eventKey: key, error })),
      ),
    );

  const retry = (key: string, error: unknown) => {
    if (!drop(key)) return;
    work.run("retry web turn", () =>
      repos.inboundEvents.fail(key, owner, {
        error: describe(error),
        maxAttempts: DEFAULT_MAX_ATTEMPTS,
        backoff: DEFAULT_BACKOFF,
      }),
    );
  };

  async function heldEmptyBy(deadline: number): Promise<void> {
    while (held.size > 0 && Date.now() < deadline) {
      let wake!: () => void;
      const changed = new Promise<void>((resolve) => (wake = resolve));
      waiters.add(wake);
      const timeout = Number.isFinite(deadline)
        ? setTimeout(wake, deadline - Date.now())
        : undefined;
      await changed;
      waiters.delete(wake);
      clearTimeout(timeout);
    }
  }

  return {
    owner,

    /** Records the turn of a message about to be stored; held here unless this process is stopping. */
    async open(conversation: Conversation): Promise<WebTurnTicket> {
      const id = ulid();
      const job: WebTurnJob = {
        job: "web-turn",
        conversationId: conversation.conversationId,
        agentId: conversation.agentId,
      };
      const runsHere = !stopping;
      const { eventKey } = await repos.inboundEvents.record({
        platform: "web_chat",
        scope: WEB_TURN_SCOPE,
        externalId: id,
        orderKey: webTurnOrderKey(conversation.conversationId),
        orderSort: id,
        payload: job,
        ...(runsHere ? { lease: { owner, leaseMs } } : {}),
      });
      if (!runsHere) return { key: eventKey, runsHere };
      if (pastDeadline) {
        await release([eventKey]);
        return { key: eventKey, runsHere: false };
      }
      held.set(eventKey, conversation.conversationId);
      return { key: eventKey, runsHere };
    },

    /** Whether a turn over these messages must not start here: their items were given back. */
    given(batch: readonly Message[]): boolean {
      return batch.some((message) => abandoned.has(webTurnKeyOf(message) ?? ""));
    },

    /** The turn over these messages ended (answered, or nothing left to answer): their items are done. */
    finished(batch: readonly Message[]): void {
      for (const message of batch) {
        const key = webTurnKeyOf(message);
        if (!key || !drop(key)) continue;
        work.run("complete web turn", () => repos.inboundEvents.complete(key, owner));
      }
    },

    /** The turn failed: its items are retried by the inbox workers, with back-off. */
    failed(batch: readonly Message[], error: unknown): void {
      for (const message of batch) {
        const key = webTurnKeyOf(message);
        if (key) retry(key, error);
      }
    },

    /** Storing the message failed (it may still have landed): the inbox workers find out and answer. */
    notStored(ticket: WebTurnTicket, error: unknown): void {
      retry(ticket.key, error);
    },

    /**
     * Stops taking turns (new messages are stored and left to the inbox), lets the running ones finish
     * until `deadline`, then stops those and gives their items back, due at once.
     */
    async stop(deadline = Number.POSITIVE_INFINITY): Promise<void> {
      stopping = true;
      await heldEmptyBy(deadline);
      clearInterval(timer);
      await renewing;
      pastDeadline = true;
      if (held.size === 0) return;
      const left = [...held];
      held.clear();
      for (const [key] of left) abandoned.add(key);
      for (const conversationId of new Set(left.map(([, id]) => id))) turns.abandon(conversationId);
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        turns.idle(),
        new Promise((resolve) => (timeout = setTimeout(resolve, SETTLE_MS))),
      ]);
      clearTimeout(timeout);
      await release(left.map(([key]) => key));
      log.info("web turns left to the next process", { turns: left.length });
    },
  };
}

export type WebTurnTickets = ReturnType<typeof createWebTurnTickets>;
