import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";

const WINDOW_MS = 10_000;
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

interface Window {
  startedAt: number;
  p50: number;
  p99: number;
  max: number;
}

let monitor: { histogram: IntervalHistogram; startedAt: number; previous: Window | null } | null =
  null;

const snapshot = (h: IntervalHistogram, startedAt: number): Window => ({
  startedAt,
  p50: h.count > 0 ? ms(h.percentile(50)) : 0,
  p99: h.count > 0 ? ms(h.percentile(99)) : 0,
  max: h.count > 0 ? ms(h.max) : 0,
});

/** Started on first use, then sampled every 10 ms for the life of the process; windows roll every 10 s. */
function eventLoopMonitor() {
  if (monitor) return monitor;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const state = { histogram, startedAt: Date.now(), previous: null as Window | null };
  setInterval(() => {
    state.previous = snapshot(histogram, state.startedAt);
    histogram.reset();
    state.startedAt = Date.now();
  }, WINDOW_MS).unref();
  monitor = state;
  return state;
}

/**
 * The process's memory and how late its event loop ran. The delay covers the last complete 10 s
 * window and the current one, each figure the worse of the two, so a reader polling every 10 s sees
 * every stall.
 */
export function processMetrics(startedAt: Date) {
  const m = eventLoopMonitor();
  const current = snapshot(m.histogram, m.startedAt);
  const windows = m.previous ? [m.previous, current] : [current];
  const memory = process.memoryUsage();
  return {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
    arrayBuffersBytes: memory.arrayBuffers,
    /** V8's own allocations outside its heap (compiler zones, code metadata). */
    v8MallocedBytes: getHeapStatistics().malloced_memory,
    uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    eventLoopDelayMs: {
      windowSeconds: Math.round((Date.now() - (windows[0]?.startedAt ?? Date.now())) / 100) / 10,
      p50: Math.max(...windows.map((w) => w.p50)),
      p99: Math.max(...windows.map((w) => w.p99)),
      max: Math.max(...windows.map((w) => w.max)),
    },
  };
}
