import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { isStorageUnavailable, type InboundEvent as InboxItem } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { createChannelClients } from "../delivery/channel-clients";
import { jobGaveUp, processJob, UnprocessableJobError } from "./process-job";
import { recoverPendingDeliveries } from "./recover-deliveries";
import {
  defaultLeaseMs,
  platformTimeoutMs,
  workerRuntime,
  type ChannelWorkerOptions,
} from "./worker-runtime";

export interface ChannelWorkers {
  readonly workerId: string;
  /** Inbox items being processed by this process right now. */
  readonly busy: number;
  /** Resolves once nothing is queued in the inbox and nothing is in flight here (tests, tooling). */
  settled(options?: { timeoutMs?: number }): Promise<void>;
  /** Stops claiming, then waits (up to `timeoutMs`) for the items under way; the rest is re-claimed later. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * The inbox workers of this process: claim due items with leases (at most one per conversation at a
 * time, in platform order), process them, complete them, or fail them with exponential back-off until
 * they are dead-lettered. Woken at once by this process's webhooks and by finished items (the next
 * event of that conversation may now run); otherwise they poll, which finds other replicas' events,
 * retries coming due, and events whose worker died (their lease ran out).
 */
export function startChannelWorkers(
  deps: ApiDeps,
  options: ChannelWorkerOptions = {},
): ChannelWorkers {
  const leaseMs = options.leaseMs ?? defaultLeaseMs(deps.env);
  const clients =
    options.clients ??
    createChannelClients(deps.env, {
      timeoutMs: options.platformTimeoutMs ?? platformTimeoutMs(leaseMs),
      telegramIntervalMs: options.telegramIntervalMs,
    });
  const defaultId = `${hostname()}#${process.pid}#${randomBytes(4).toString("hex")}`;
  const runtime = workerRuntime(clients, { ...options, leaseMs }, defaultId);
  const { repos } = deps;
  const log = deps.log.child({ component: "channel-workers", workerId: runtime.workerId });
  const running = new Set<Promise<void>>();
  let stopping = false;
  let claiming = false;
  let woken = false;
  let wake: (() => void) | null = null;

  const nudge = () => {
    woken = true;
    wake?.();
  };
  const unsubscribe = deps.inboxSignal.subscribe(nudge);

  const rest = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  /**
   * The storage refused a write mid-item (e.g. a full disk): the event is fine, so it goes back in line
   * without spending an attempt, which a long outage would otherwise turn into dead letters. The release
   * is itself a write, so it is retried until storage takes writes again (or the lease runs out anyway).
   */
  async function release(item: InboxItem): Promise<void> {
    log.warn("inbox item interrupted by unavailable storage; released", {
      eventKey: item.eventKey,
    });
    for (let delayMs = runtime.pollMs; !stopping; delayMs = Math.min(2 * delayMs, 5_000)) {
      try {
        const retryAt = runtime.now().getTime() + runtime.backoff.baseMs;
        await repos.inboundEvents.release(item.eventKey, runtime.workerId, {
          at: retryAt,
          refundAttempt: true,
        });
        return;
      } catch (error) {
        if (!isStorageUnavailable(error)) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }

  async function settle(item: InboxItem, error: unknown): Promise<void> {
    if (isStorageUnavailable(error)) return release(item);
    const reason = describe(error);
    const outcome = await repos.inboundEvents.fail(item.eventKey, runtime.workerId, {
      error: reason,
      maxAttempts: error instanceof UnprocessableJobError ? 1 : runtime.maxAttempts,
      backoff: runtime.backoff,
    });
    const fields = { eventKey: item.eventKey, attempts: item.attempts, error: reason };
    if (outcome.outcome === "dead") {
      log.error("inbox item dead-lettered", fields);
      await jobGaveUp(deps, item, reason);
    } else if (outcome.outcome === "retrying") {
      log.warn("inbox item failed; retrying", { ...fields, retryAt: outcome.retryAt });
    } else {
      log.warn("inbox item failed after its lease was lost", fields);
    }
  }

  function start(item: InboxItem): void {
    const task = (async () => {
      try {
        await processJob(deps, runtime, item);
        if (!(await repos.inboundEvents.complete(item.eventKey, runtime.workerId))) {
          log.warn("inbox item finished after its lease was lost", { eventKey: item.eventKey });
        }
      } catch (error) {
        await settle(item, error);
      }
    })()
      .catch((error: unknown) => log.error("inbox bookkeeping failed", { error }))
      .finally(() => {
        running.delete(task);
        nudge();
      });
    running.add(task);
  }

  const loop = (async () => {
    while (!stopping) {
      woken = false;
      const free = runtime.concurrency - running.size;
      let claimed: InboxItem[] = [];
      if (free > 0) {
        claiming = true;
        try {
          claimed = await repos.inboundEvents.claimDue({
            workerId: runtime.workerId,
            leaseMs: runtime.leaseMs,
            limit: free,
            maxAttempts: runtime.maxAttempts,
          });
        } catch (error) {
          if (!stopping) log.warn("inbox claim failed", { error });
        }
      }
      for (const item of claimed) start(item);
      claiming = false;
      if (stopping) break;
      if (claimed.length === 0 || running.size >= runtime.concurrency) await rest(runtime.pollMs);
    }
  })();

  if (options.recover ?? true) {
    deps.work.run("recover pending deliveries", () => recoverPendingDeliveries(deps, log));
  }

  return {
    workerId: runtime.workerId,
    get busy() {
      return running.size;
    },
    async settled({ timeoutMs = 10_000 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        // A claim under way holds items neither counted as running nor (mid-update) as queued.
        const idle = () => running.size === 0 && !claiming;
        if (idle() && (await repos.inboundEvents.countQueued()) === 0 && idle()) return;
        if (Date.now() > until) throw new Error("channel workers did not settle in time");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop({ timeoutMs = 15_000 } = {}) {
      stopping = true;
      unsubscribe();
      wake?.();
      await loop;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    },
  };
}
