import type { Message } from "@agents-crm/db";

/** What a running turn gets from its lane. */
export interface TurnHandle {
  /** Aborted when a new message folds this turn into a later one, or when a human takes over. */
  readonly signal: AbortSignal;
  /**
   * Called right before the turn's first write. False means the turn was superseded and must discard
   * its result; after a true, the turn can no longer be folded (later messages get their own turn).
   */
  commit(): boolean;
  /**
   * Resolves once no message announced to this lane (stored on another replica, its hand-off under way)
   * is still on its way, or the turn was stopped: called before commit, so such a message folds into
   * this turn as it would on one replica instead of getting a turn of its own.
   */
  arrivals(): Promise<void>;
}

/**
 * Why a lane stopped a turn: a later message folded it into a turn over both, a human took over, or the
 * process is stopping and leaves the turn to another process (its messages are still unanswered).
 */
export class TurnStopped extends Error {
  override name = "TurnStopped";
  constructor(readonly why: "folded" | "cancelled" | "shutdown") {
    super(`turn stopped: ${why}`);
  }
}

export const turnStopReason = (signal: AbortSignal): TurnStopped["why"] | null =>
  signal.aborted && signal.reason instanceof TurnStopped ? signal.reason.why : null;

export type TurnRunner<R> = (batch: Message[], handle: TurnHandle) => Promise<R>;

/** `folded`: the message was answered as part of a later message's turn (its reply arrives as an event). */
export type LaneOutcome<R> = { folded: true } | { folded: false; result: R };

interface Pending {
  message: Message;
  arrivedAt: number;
  windowMs: number;
  run: TurnRunner<unknown>;
  settle(outcome: LaneOutcome<unknown>): void;
  fail(error: unknown): void;
}

interface RunningTurn {
  batch: Pending[];
  controller: AbortController;
  committed: boolean;
}

interface Lane {
  current: RunningTurn | null;
  queue: Pending[];
  /** Announced messages on their way (token → give-up timer), and the turns waiting for them. */
  expected: Map<string, NodeJS.Timeout>;
  waiters: Set<() => void>;
}

const newLane = (): Lane => ({ current: null, queue: [], expected: new Map(), waiters: new Set() });

function arrivedIn(lane: Lane, token: string): void {
  const timer = lane.expected.get(token);
  if (timer === undefined) return;
  clearTimeout(timer);
  lane.expected.delete(token);
  if (lane.expected.size > 0) return;
  for (const wake of lane.waiters) wake();
  lane.waiters.clear();
}

const withinWindow = (previous: Pending, next: Pending) =>
  next.windowMs > 0 && next.arrivedAt - previous.arrivedAt <= next.windowMs;

/** `first` and the queued messages that follow it within their burst windows (taken off the queue). */
function burstFrom(first: Pending, queue: Pending[]): Pending[] {
  const batch = [first];
  while (queue[0] && withinWindow(batch[batch.length - 1] as Pending, queue[0])) {
    batch.push(queue.shift() as Pending);
  }
  return batch;
}

/**
 * Whether a new message restarts the running turn over both: the turn has written nothing yet, nothing
 * waits behind it, and the message came within the burst window of the turn's newest one.
 */
function foldsInto(lane: Lane, current: RunningTurn, pending: Pending): boolean {
  const newest = current.batch[current.batch.length - 1];
  return (
    newest !== undefined &&
    !current.committed &&
    lane.queue.length === 0 &&
    withinWindow(newest, pending)
  );
}

/**
 * Runs the turn for the batch's newest message, which answers the earlier ones (settled as folded). The
 * runner is called synchronously: a runner started at once may use what its caller just read.
 */
async function runBatch(turn: RunningTurn, lane: Lane): Promise<void> {
  const last = turn.batch[turn.batch.length - 1];
  if (!last) return;
  for (const pending of turn.batch) if (pending !== last) pending.settle({ folded: true });
  try {
    const result = await last.run(
      turn.batch.map((p) => p.message),
      handleOf(turn, lane),
    );
    last.settle({ folded: false, result });
  } catch (error) {
    last.fail(error);
  }
}

function handleOf(turn: RunningTurn, lane: Lane): TurnHandle {
  const { signal } = turn.controller;
  return {
    signal,
    arrivals() {
      if (lane.expected.size === 0 || signal.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        lane.waiters.add(resolve);
        signal.addEventListener("abort", () => resolve(), { once: true });
      });
    },
    commit() {
      if (turn.controller.signal.aborted) return false;
      turn.committed = true;
      return true;
    },
  };
}

/**
 * Per-conversation serialisation and burst folding, in this process. A message starts its turn at once
 * (no waiting out the window, so a lone message costs no latency). A message arriving within the burst
 * window of the previous one, while that one's turn has not written anything yet, aborts that turn and
 * starts one over both; later messages queue behind a turn that is already writing, so a customer who
 * waits for each answer gets each answer.
 *
 * Across replicas a web chat's turns run in one replica's lane: the holder of the conversation's lease
 * (cluster/conversation-leases.ts), to which other replicas hand their messages; channel workers claim
 * inbound events per conversation.
 */
export function createTurnLanes(options: { onIdle?(key: string): void } = {}) {
  const lanes = new Map<string, Lane>();
  const running = new Set<Promise<unknown>>();

  function start(key: string, lane: Lane, batch: Pending[]): void {
    const turn: RunningTurn = { batch, controller: new AbortController(), committed: false };
    lane.current = turn;
    const work = runBatch(turn, lane).finally(() => {
      running.delete(work);
      if (lane.current !== turn) return;
      lane.current = null;
      next(key, lane);
    });
    running.add(work);
  }

  function stopUncommitted(key: string, why: "cancelled" | "shutdown"): void {
    const current = lanes.get(key)?.current;
    if (current && !current.committed) current.controller.abort(new TurnStopped(why));
  }

  function next(key: string, lane: Lane): void {
    const first = lane.queue.shift();
    if (!first) {
      for (const token of [...lane.expected.keys()]) arrivedIn(lane, token);
      lanes.delete(key);
      options.onIdle?.(key);
      return;
    }
    start(key, lane, burstFrom(first, lane.queue));
  }

  return {
    submit<R>(
      key: string,
      input: { message: Message; arrivedAt?: number; windowMs: number },
      run: TurnRunner<R>,
    ): Promise<LaneOutcome<R>> {
      return new Promise<LaneOutcome<R>>((resolve, reject) => {
        const pending: Pending = {
          message: input.message,
          arrivedAt: input.arrivedAt ?? Date.now(),
          windowMs: input.windowMs,
          run,
          settle: (outcome) => resolve(outcome as LaneOutcome<R>),
          fail: reject,
        };
        let lane = lanes.get(key);
        if (!lane) {
          lane = newLane();
          lanes.set(key, lane);
        }
        const current = lane.current;
        if (current && foldsInto(lane, current, pending)) {
          current.controller.abort(new TurnStopped("folded"));
          start(key, lane, [...current.batch, pending]);
        } else if (current) {
          lane.queue.push(pending);
        } else {
          start(key, lane, [pending]);
        }
      });
    },

    /**
     * A message of the conversation was stored elsewhere and is on its way here (`token` names it): the
     * running turn waits for it before committing, at most `maxMs`. Only while that turn has written
     * nothing and the message would fold into it (nothing queued, within its burst window); true if so.
     */
    expect(key: string, token: string, maxMs: number): boolean {
      const lane = lanes.get(key);
      const current = lane?.current;
      const newest = current?.batch[current.batch.length - 1];
      if (!lane || !current || !newest || current.committed || lane.queue.length > 0) return false;
      if (newest.windowMs <= 0 || Date.now() - newest.arrivedAt > newest.windowMs) return false;
      if (lane.expected.has(token)) return true;
      const timer = setTimeout(() => arrivedIn(lane, token), maxMs);
      timer.unref();
      lane.expected.set(token, timer);
      return true;
    },

    /** The announced message was submitted (it folded or queued), or will not come. */
    arrived(key: string, token: string): void {
      const lane = lanes.get(key);
      if (lane) arrivedIn(lane, token);
    },

    /** Stops the uncommitted turn of a conversation (a human took over); queued messages still run. */
    cancel: (key: string) => stopUncommitted(key, "cancelled"),

    /** Stops the uncommitted turn of a conversation because this process is stopping. */
    abandon: (key: string) => stopUncommitted(key, "shutdown"),

    /** Whether the conversation has a turn running or queued in this process. */
    active: (key: string): boolean => lanes.has(key),

    /** Conversations with a turn running or queued in this process. */
    get size(): number {
      return lanes.size;
    },

    /** Resolves when every turn started so far (and those they queued) has finished. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

export type TurnLanes = ReturnType<typeof createTurnLanes>;
