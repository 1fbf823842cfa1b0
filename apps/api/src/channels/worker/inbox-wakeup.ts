/**
 * What lets the inbox loop sleep between polls: a nudge (this process's webhooks, a finished item, a
 * stop) ends the rest at once, and a nudge that came while the loop was busy skips the next rest.
 */
export function createWakeup() {
  let woken = false;
  let wake: (() => void) | null = null;
  return {
    nudge: (): void => {
      woken = true;
      wake?.();
    },
    /** A new round of claims: nudges from here on count. */
    startRound(): void {
      woken = false;
    },
    /** Waits `ms`, or less if nudged (or `skip()` holds already). */
    rest(ms: number, skip: () => boolean): Promise<void> {
      return new Promise<void>((resolve) => {
        if (woken || skip()) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    },
  };
}
