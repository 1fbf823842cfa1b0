import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  afterCrash,
  DEFAULT_POLICY,
  supervise,
  type RestartPolicy,
} from "../../../scripts/supervisor.mjs";

const root = join(import.meta.dirname, "../../..");

describe("npm start's restart policy", () => {
  const at = (seconds: number) => seconds * 1000;

  it("doubles the delay from 1 s, caps it at 30 s, and gives up at the 5th crash in 5 minutes", () => {
    let crashes: number[] = [];
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 4; i++) {
      const plan = afterCrash(crashes, { startedAt: t, exitedAt: t + at(2) }, DEFAULT_POLICY);
      if (plan.giveUp) throw new Error(`gave up at crash ${i + 1}`);
      delays.push(plan.delayMs);
      crashes = plan.crashes;
      t += at(2) + plan.delayMs;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(afterCrash(crashes, { startedAt: t, exitedAt: t + at(2) }).giveUp).toBe(true);

    const patient: RestartPolicy = { ...DEFAULT_POLICY, maxCrashes: 100 };
    let plan = afterCrash([], { startedAt: 0, exitedAt: 1 }, patient);
    for (let i = 0; i < 8 && !plan.giveUp; i++) {
      plan = afterCrash(plan.crashes, { startedAt: 0, exitedAt: 1 }, patient);
    }
    expect(plan).toMatchObject({ giveUp: false, delayMs: 30_000 });
  });

  it("starts afresh after a run that stayed up for a minute, and forgets crashes older than the window", () => {
    const four = [at(0), at(3), at(8), at(17)];
    expect(afterCrash(four, { startedAt: at(20), exitedAt: at(90) })).toEqual({
      giveUp: false,
      delayMs: 1000,
      crashes: [at(90)],
    });
    expect(afterCrash(four, { startedAt: at(300), exitedAt: at(305) })).toMatchObject({
      giveUp: false,
      delayMs: 4000,
      crashes: [at(8), at(17), at(305)],
    });
  });
});

/** A real child process that exits with `code` after `ms`. */
const node = (code: number, ms = 0) =>
  spawn(process.execPath, ["-e", `setTimeout(() => process.exit(${code}), ${ms})`]);

describe("supervising real processes", () => {
  const fast: RestartPolicy = {
    initialDelayMs: 10,
    maxDelayMs: 40,
    stableMs: 400,
    maxCrashes: 4,
    windowMs: 60_000,
  };

  it("restarts a crashing child with growing delays, then gives up with one clear line", async () => {
    const lines: string[] = [];
    let starts = 0;
    const fatal = await new Promise<{ reason: string; code: number }>((resolve) => {
      const s = supervise({
        name: "api",
        start: () => {
          starts += 1;
          return node(3);
        },
        onFatal: (reason, code) => resolve({ reason, code }),
        log: (line) => lines.push(line),
        policy: fast,
      });
      s.markStarted();
    });
    expect(starts).toBe(4);
    expect(lines.filter((l) => l.startsWith("api exited"))).toEqual([
      "api exited (exit code 3); restarting in 0.0 s (crash 1 of 4 allowed within 1 min)",
      "api exited (exit code 3); restarting in 0.0 s (crash 2 of 4 allowed within 1 min)",
      "api exited (exit code 3); restarting in 0.0 s (crash 3 of 4 allowed within 1 min)",
    ]);
    expect(fatal).toEqual({
      reason:
        "api crashed 4 times within 1 min (last: exit code 3); giving up and stopping everything.",
      code: 3,
    });
  });

  it("keeps restarting a child that stays up past the stable period between crashes", async () => {
    let starts = 0;
    const lines: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const s = supervise({
        name: "web",
        start: () => {
          starts += 1;
          if (starts === 7) resolve();
          return node(1, 500);
        },
        onFatal: (reason) => reject(new Error(reason)),
        log: (line) => lines.push(line),
        policy: fast,
      });
      s.markStarted();
      const stopWhenDone = setInterval(() => {
        if (starts >= 7) {
          clearInterval(stopWhenDone);
          void s.stop();
        }
      }, 50);
    });
    expect(lines.filter((l) => l.includes("crash 1 of 4"))).toHaveLength(6);
  }, 20_000);

  it("does not restart a child that never came up (a configuration error): one line, its exit code", async () => {
    let starts = 0;
    const fatal = await new Promise<{ reason: string; code: number }>((resolve) => {
      supervise({
        name: "api",
        start: () => {
          starts += 1;
          return node(1);
        },
        onFatal: (reason, code) => resolve({ reason, code }),
        log: () => undefined,
        policy: fast,
      });
    });
    expect(starts).toBe(1);
    expect(fatal).toEqual({
      reason: "api did not start (exit code 1); stopping everything.",
      code: 1,
    });
  });

  it("stop() ends the child and cancels a pending restart", async () => {
    const s = supervise({ name: "api", start: () => node(0, 60_000), onFatal: () => undefined });
    s.markStarted();
    const child = s.child;
    await s.stop();
    expect(child?.signalCode).toBe("SIGTERM");
    expect(s.child).toBeNull();
  });
});

describe("npm start --api-only", () => {
  it("a bad environment variable stops it at once with the variable's one line, without a restart loop", async () => {
    const child = spawn(process.execPath, ["scripts/start.mjs", "--api-only"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", PORT: "0", RATE_LIMIT_PER_MINUTE: "lots" },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    // On an end-of-life Node (20 on this machine) start.mjs first says so in a line of its own.
    const lines = output
      .trim()
      .split("\n")
      .filter((line) => !/^\[start\] Node [\d.]+ reached its end of life/.test(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Invalid environment: RATE_LIMIT_PER_MINUTE /);
    expect(lines[1]).toBe("[start] api did not start (exit code 1); stopping everything.");
  });
});
