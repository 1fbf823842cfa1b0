// `npm start`'s process supervisor: a child that crashes is started again after a back-off that doubles
// up to a cap and resets once a run has stayed up for a while; one that keeps crashing, or that never
// came up on its first start (a configuration error: its own one-line reason is already printed), stops
// everything with a clear message instead of looping.

export const DEFAULT_POLICY = {
  /** The first restart waits this long; each further crash doubles it… */
  initialDelayMs: 1_000,
  /** …up to this. */
  maxDelayMs: 30_000,
  /** A run that lasted this long was healthy: its crash starts the back-off afresh. */
  stableMs: 60_000,
  /** This many crashes within `windowMs` (without a stable run between them) and we give up. */
  maxCrashes: 5,
  windowMs: 5 * 60_000,
};

/**
 * What to do after a crash. `crashes` are the times of the earlier crashes still counted; the answer
 * carries the list to keep for the next one.
 */
export function afterCrash(crashes, run, policy = DEFAULT_POLICY) {
  const stable = run.exitedAt - run.startedAt >= policy.stableMs;
  const counted = stable ? [] : crashes.filter((at) => run.exitedAt - at < policy.windowMs);
  const recent = [...counted, run.exitedAt];
  if (recent.length >= policy.maxCrashes) return { giveUp: true, crashes: recent };
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (recent.length - 1));
  return { giveUp: false, delayMs, crashes: recent };
}

export const describeExit = (code, signal) => (signal ? signal : `exit code ${code}`);

const minutes = (ms) => {
  const m = ms / 60_000;
  return m >= 1 ? `${Number.isInteger(m) ? m : m.toFixed(1)} min` : `${Math.round(ms / 1000)} s`;
};

/**
 * Runs `start()` (which spawns and returns a ChildProcess) and keeps it running. `onFatal(reason, code)`
 * is called once when the supervisor gives up; `log` receives one line per event.
 */
export function supervise({ name, start, onFatal, log = console.error, policy = DEFAULT_POLICY }) {
  let child = null;
  let startedAt = 0;
  let crashes = [];
  let started = false;
  let stopped = false;
  let timer = null;

  const launch = () => {
    timer = null;
    startedAt = Date.now();
    child = start();
    const current = child;
    current.on("exit", (code, signal) => {
      if (child === current) child = null;
      if (stopped) return;
      const how = describeExit(code, signal);
      if (!started) {
        stopped = true;
        onFatal(`${name} did not start (${how}); stopping everything.`, code || 1);
        return;
      }
      const plan = afterCrash(crashes, { startedAt, exitedAt: Date.now() }, policy);
      crashes = plan.crashes;
      if (plan.giveUp) {
        stopped = true;
        onFatal(
          `${name} crashed ${crashes.length} times within ${minutes(policy.windowMs)} (last: ${how}); giving up and stopping everything.`,
          code || 1,
        );
        return;
      }
      log(
        `${name} exited (${how}); restarting in ${(plan.delayMs / 1000).toFixed(1)} s (crash ${crashes.length} of ${policy.maxCrashes} allowed within ${minutes(policy.windowMs)})`,
      );
      timer = setTimeout(() => {
        if (stopped) return;
        launch();
        log(`${name} restarted (pid ${child?.pid})`);
      }, plan.delayMs);
    });
  };
  launch();

  return {
    get child() {
      return child;
    },
    /** The first start came up: from now on a crash is restarted rather than fatal. */
    markStarted() {
      started = true;
    },
    /** No more restarts; the running child (if any) gets `signal`. Resolves when it has exited. */
    stop(signal = "SIGTERM") {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) {
        return Promise.resolve();
      }
      const exited = new Promise((resolve) => current.once("exit", resolve));
      current.kill(signal);
      return exited;
    },
  };
}
