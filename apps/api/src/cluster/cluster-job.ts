import type { ApiDeps } from "../deps";

export interface ClusterJobOptions {
  /** One lease per name in the cluster, so the same job on every replica runs on one of them. */
  name: string;
  intervalMs: number;
  run(): Promise<unknown>;
  /**
   * How long the lease lasts without renewal: how soon another replica takes over from a holder that
   * died. Default twice the interval (at least 5 s), so the holder renews it on every tick.
   */
  leaseMs?: number;
  /** Tick once at start (default true): a fresh cluster does its work without waiting an interval. */
  runAtStart?: boolean;
}

export interface ClusterJob {
  /** One tick now: true when this replica held the lease and ran the job. */
  tick(): Promise<boolean>;
  /** Stops ticking, waits for a run under way, and gives the lease up for another replica. */
  stop(): Promise<void>;
}

type JobDeps = Pick<ApiDeps, "repos" | "replicaId" | "log">;

/**
 * A periodic background job that runs once per cluster, not once per replica: every replica ticks, and
 * on each tick only the holder of the job's lease (a conditional write in DynamoDB) runs it. The holder
 * renews the lease each tick and while a long run goes on; when it dies, another replica takes over once
 * the lease runs out. One run at a time per process; a tick during a run is skipped.
 */
export function startClusterJob(deps: JobDeps, options: ClusterJobOptions): ClusterJob {
  const { repos, replicaId } = deps;
  const log = deps.log.child({ component: "cluster-job", job: options.name });
  const leaseMs = options.leaseMs ?? Math.max(5_000, 2 * options.intervalMs);
  let running: Promise<boolean> | null = null;
  let stopped = false;

  const acquire = () =>
    repos.leases.tryAcquire({ name: options.name, holder: replicaId, ttlMs: leaseMs });

  async function runHeld(): Promise<boolean> {
    if (!(await acquire())) return false;
    // A run longer than a third of the lease keeps renewing it, so no other replica starts alongside.
    const renewal = setInterval(() => {
      acquire().catch((error: unknown) => log.warn("lease renewal failed", { error }));
    }, leaseMs / 3);
    renewal.unref();
    try {
      await options.run();
    } finally {
      clearInterval(renewal);
    }
    return true;
  }

  const tick = (): Promise<boolean> => {
    if (stopped) return Promise.resolve(false);
    running ??= runHeld()
      .catch((error: unknown) => {
        log.warn("background job failed", { error });
        return false;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  if (options.runAtStart ?? true) void tick();

  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await repos.leases.release(options.name, replicaId).catch((error: unknown) => {
        log.warn("lease release failed", { error });
      });
    },
  };
}
