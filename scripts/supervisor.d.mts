import type { ChildProcess } from "node:child_process";

export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  stableMs: number;
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_POLICY: RestartPolicy;

export type CrashPlan =
  { giveUp: true; crashes: number[] } | { giveUp: false; delayMs: number; crashes: number[] };

export function afterCrash(
  crashes: number[],
  run: { startedAt: number; exitedAt: number },
  policy?: RestartPolicy,
): CrashPlan;

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string;

export interface Supervisor {
  readonly child: ChildProcess | null;
  markStarted(): void;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function supervise(options: {
  name: string;
  start: () => ChildProcess;
  onFatal: (reason: string, code: number) => void;
  log?: (line: string) => void;
  policy?: RestartPolicy;
}): Supervisor;
