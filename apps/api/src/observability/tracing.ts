import { randomBytes } from "node:crypto";
import { currentLogContext, withLogContext } from "./log-context";

export type AttributeValue = string | number | boolean;

export interface Span {
  readonly traceId: string;
  readonly spanId: string;
  setAttribute(key: string, value: AttributeValue): void;
  /** Marks the span failed (status ERROR) with the error's name; never its message, which may hold personal data. */
  fail(error: unknown): void;
  end(): void;
}

/** A finished span, as the exporter sends it. */
export interface FinishedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startNs: bigint;
  endNs: bigint;
  attributes: Record<string, AttributeValue>;
  error?: string;
}

export interface Tracer {
  readonly enabled: boolean;
  /**
   * Runs `fn` inside a new span, child of the span current where it is called (or of a new trace). The
   * span's ids join the log context, so the lines written inside carry them.
   */
  inSpan<T>(
    name: string,
    attributes: Record<string, AttributeValue>,
    fn: (span: Span) => Promise<T>,
  ): Promise<T>;
  /** A child of the current span that ended just now after `durationMs` (a step timed by its caller). */
  recordChild(name: string, durationMs: number, attributes?: Record<string, AttributeValue>): void;
}

const noopSpan: Span = {
  traceId: "",
  spanId: "",
  setAttribute: () => undefined,
  fail: () => undefined,
  end: () => undefined,
};

/** Tracing off: `fn` runs as it is, no ids, no clock reads, nothing kept. */
export const noopTracer: Tracer = {
  enabled: false,
  inSpan: (_name, _attributes, fn) => fn(noopSpan),
  recordChild: () => undefined,
};

const nowNs = () => BigInt(Date.now()) * 1_000_000n + (process.hrtime.bigint() % 1_000_000n);

/** Spans whose ends go to `onEnd` (the exporter's queue). */
export function createTracer(onEnd: (span: FinishedSpan) => void): Tracer {
  return {
    enabled: true,
    recordChild(name, durationMs, attributes = {}) {
      const outer = currentLogContext();
      const endNs = nowNs();
      onEnd({
        traceId: outer?.traceId ?? randomBytes(16).toString("hex"),
        spanId: randomBytes(8).toString("hex"),
        ...(outer?.spanId ? { parentSpanId: outer.spanId } : {}),
        name,
        startNs: endNs - BigInt(Math.round(durationMs * 1e6)),
        endNs,
        attributes: { ...attributes },
      });
    },
    async inSpan(name, attributes, fn) {
      const outer = currentLogContext();
      const traceId = outer?.traceId ?? randomBytes(16).toString("hex");
      const finished: FinishedSpan = {
        traceId,
        spanId: randomBytes(8).toString("hex"),
        ...(outer?.spanId ? { parentSpanId: outer.spanId } : {}),
        name,
        startNs: nowNs(),
        endNs: 0n,
        attributes: { ...attributes },
      };
      let ended = false;
      const span: Span = {
        traceId,
        spanId: finished.spanId,
        setAttribute: (key, value) => void (finished.attributes[key] = value),
        fail: (error) => {
          finished.error = error instanceof Error ? error.name : "error";
        },
        end: () => {
          if (ended) return;
          ended = true;
          finished.endNs = nowNs();
          onEnd(finished);
        },
      };
      return withLogContext({ traceId, spanId: span.spanId }, async () => {
        try {
          return await fn(span);
        } catch (error) {
          span.fail(error);
          throw error;
        } finally {
          span.end();
        }
      });
    },
  };
}
