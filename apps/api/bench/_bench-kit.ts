import { Worker } from "node:worker_threads";

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

export function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    worker.once("message", resolvePromise);
    worker.once("error", reject);
  });
}
