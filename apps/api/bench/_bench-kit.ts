import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createLlmProviders } from "@agents-crm/ai";

/** Nearest-rank percentiles, rounded to 0.01, for the tables the benchmarks print. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    n: sorted.length,
    p50: round(at(50)),
    p90: round(at(90)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(at(100)),
  };
}

/**
 * A driver (load generator, fake servers) in a worker thread, so its CPU is not counted as the server's.
 * The worker runs TypeScript through tsx's loader, registered before the driver module loads.
 */
export function startTsxWorker(driver: URL): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(driver.href)}); });`,
    { eval: true },
  );
}

/**
 * A driver in a child process, for a benchmark that measures the server's own CPU time
 * (`process.cpuUsage()` counts every thread of a process, a worker's included).
 */
export function startTsxProcess(driver: URL): ChildProcess {
  return fork(fileURLToPath(driver), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

export function nextChildMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    child.once("message", (message) => resolvePromise(message as T));
    child.once("error", reject);
  });
}

export function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    worker.once("message", resolvePromise);
    worker.once("error", reject);
  });
}

/** Writes a benchmark's result as `bench/results/<name>.json` at the repository root, and says so. */
export function writeBenchResult(name: string, result: unknown): string {
  const out = resolve(import.meta.dirname, "../../../bench/results", `${name}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  console.log(`wrote ${out}`);
  return out;
}

/** Runs a benchmark's main; a failure is printed and ends the process with status 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/** Real OpenAI providers pointed at a benchmark's fake model: no retries, warnings silenced. */
export const benchLlm = (baseURL: string) =>
  createLlmProviders({
    apiKey: "sk-bench",
    baseURL,
    maxRetries: 0,
    logger: { warn: () => undefined },
  });
