import type { ApiDeps } from "../deps";

/** How often expired files are looked for; a conversation's retention is hours, so minutes late is fine. */
export const FILE_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Deletes files past their conversation's retention (MESSAGE_TTL_HOURS), bytes first and then their
 * metadata, on a timer. DynamoDB TTL is not used for files: it would drop the metadata and leave the
 * bytes behind. Several replicas sweeping at once delete the same files twice, which is harmless.
 */
export function startFileRetention(
  deps: Pick<ApiDeps, "files" | "log">,
  intervalMs = FILE_SWEEP_INTERVAL_MS,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const sweep = () =>
    (running ??= deps.files
      .sweepExpired({ limit: 1000 })
      .then((deleted) => {
        if (deleted > 0) deps.log.info("expired files deleted", { count: deleted });
      })
      .catch((error: unknown) => {
        // Storage down for a while: the next round tries again.
        deps.log.warn("file retention sweep failed", { error: String(error) });
      })
      .finally(() => {
        running = null;
      }));
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  void sweep();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
