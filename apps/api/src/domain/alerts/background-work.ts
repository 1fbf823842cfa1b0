import type { Logger } from "../../logger";

/**
 * Work that outlives the request that started it (alert deliveries): tracked, so shutdown waits for it
 * instead of dropping it (the reference fired un-awaited tasks and lost them on every deploy).
 */
export function createBackgroundWork(log: Logger) {
  const running = new Set<Promise<void>>();
  return {
    run(name: string, task: () => Promise<unknown>): void {
      const work = task()
        .then(() => undefined)
        .catch((error: unknown) => log.error("background task failed", { task: name, error }))
        .finally(() => running.delete(work));
      running.add(work);
    },
    get size(): number {
      return running.size;
    },
    /** Resolves when every task started so far (and any they started) has settled. */
    async drain(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

export type BackgroundWork = ReturnType<typeof createBackgroundWork>;
