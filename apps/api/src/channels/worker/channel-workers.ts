import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { InboundEvent as InboxItem } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { createChannelClients } from "../delivery/channel-clients";
import { storedFileSource } from "../delivery/stored-files";
import { claimInboxItems, runInboxItem, type InboxItemContext } from "./inbox-item";
import { createWakeup } from "./inbox-wakeup";
import { recoverPendingDeliveries } from "./recover-deliveries";
import {
  defaultLeaseMs,
  platformTimeoutMs,
  workerRuntime,
  type ChannelWorkerOptions,
  type WorkerRuntime,
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

/** This process's workers' settings, with platform clients whose requests end well inside a lease. */
function runtimeFor(deps: ApiDeps, options: ChannelWorkerOptions): WorkerRuntime {
  const leaseMs = options.leaseMs ?? defaultLeaseMs(deps.env);
  const clients =
    options.clients ??
    createChannelClients(deps.env, {
      timeoutMs: options.platformTimeoutMs ?? platformTimeoutMs(leaseMs),
      telegramIntervalMs: options.telegramIntervalMs,
      // A download of up to 50 MB gets half a lease; the other half is for storing it.
      mediaTimeoutMs: Math.floor(leaseMs / 2),
      channelSecrets: deps.channelSecrets,
    });
  const defaultId = `${hostname()}#${process.pid}#${randomBytes(4).toString("hex")}`;
  return {
    ...workerRuntime(clients, { ...options, leaseMs }, defaultId),
    files: storedFileSource(deps),
  };
}

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
  const runtime = runtimeFor(deps, options);
  const { repos } = deps;
  const log = deps.log.child({ component: "channel-workers", workerId: runtime.workerId });
  const running = new Set<Promise<void>>();
  let stopping = false;
  let claiming = false;
  const wakeup = createWakeup();
  const unsubscribe = deps.inboxSignal.subscribe(wakeup.nudge);
  const context: InboxItemContext = { deps, runtime, log, stopping: () => stopping };

  function start(item: InboxItem): void {
    const task = runInboxItem(context, item)
      .catch((error: unknown) => log.error("inbox bookkeeping failed", { error }))
      .finally(() => {
        running.delete(task);
        wakeup.nudge();
      });
    running.add(task);
  }

  const loop = (async () => {
    while (!stopping) {
      wakeup.startRound();
      const free = runtime.concurrency - running.size;
      let claimed: InboxItem[] = [];
      if (free > 0) {
        claiming = true;
        claimed = await claimInboxItems(context, free);
      }
      for (const item of claimed) start(item);
      claiming = false;
      if (stopping) break;
      if (claimed.length === 0 || running.size >= runtime.concurrency)
        await wakeup.rest(runtime.pollMs, () => stopping);
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
      wakeup.nudge();
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
