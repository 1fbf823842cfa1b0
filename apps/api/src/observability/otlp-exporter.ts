import type { AttributeValue, FinishedSpan } from "./tracing";

/**
 * OTLP/HTTP with the JSON encoding (https://opentelemetry.io/docs/specs/otlp/#otlphttp and
 * #json-protobuf-encoding): POST `ExportTraceServiceRequest` as JSON to `<endpoint>/v1/traces`. Per the
 * spec, trace and span ids are hex strings (not base64), enums are integers and 64-bit integers are
 * decimal strings. Any OpenTelemetry Collector, Jaeger, Tempo or vendor endpoint on port 4318 takes it.
 */
const SPAN_KIND_INTERNAL = 1;
const STATUS_CODE_ERROR = 2;
const MAX_QUEUE = 2_048;
const BATCH = 512;

function attributeValue(value: AttributeValue) {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
}

const attributesOf = (attributes: Record<string, AttributeValue>) =>
  Object.entries(attributes).map(([key, value]) => ({ key, value: attributeValue(value) }));

export function exportRequestBody(
  resource: Record<string, AttributeValue>,
  spans: readonly FinishedSpan[],
) {
  return {
    resourceSpans: [
      {
        resource: { attributes: attributesOf(resource) },
        scopeSpans: [
          {
            scope: { name: "agents-crm" },
            spans: spans.map((span) => ({
              traceId: span.traceId,
              spanId: span.spanId,
              ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
              name: span.name,
              kind: SPAN_KIND_INTERNAL,
              startTimeUnixNano: String(span.startNs),
              endTimeUnixNano: String(span.endNs),
              attributes: attributesOf(span.attributes),
              status: span.error ? { code: STATUS_CODE_ERROR, message: span.error } : {},
            })),
          },
        ],
      },
    ],
  };
}

/** `OTEL_EXPORTER_OTLP_HEADERS`: `key=value` pairs separated by commas, values URL-encoded (per the spec). */
export function parseOtlpHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (text ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

export interface OtlpExporter {
  enqueue(span: FinishedSpan): void;
  /** Sends what is queued now (tests, shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Batches ended spans and sends them every `intervalMs` (or at 512). A collector that is down costs
 * dropped spans, never memory (the queue is bounded) and never a turn (sending is off the hot path).
 */
export function createOtlpExporter(options: {
  url: string;
  headers?: Record<string, string>;
  resource: Record<string, AttributeValue>;
  intervalMs?: number;
  timeoutMs?: number;
  onError?: (error: unknown) => void;
}): OtlpExporter {
  let queue: FinishedSpan[] = [];
  let sending: Promise<void> = Promise.resolve();
  let lastError = 0;
  const send = async (spans: FinishedSpan[]) => {
    try {
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...options.headers },
        body: JSON.stringify(exportRequestBody(options.resource, spans)),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`OTLP export answered ${response.status}`);
    } catch (error) {
      // One warning a minute at most: a collector that is down must not flood the logs.
      if (Date.now() - lastError > 60_000) {
        lastError = Date.now();
        options.onError?.(error);
      }
    }
  };
  const flush = () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      queue = queue.slice(BATCH);
      sending = sending.then(() => send(batch));
    }
    return sending;
  };
  const timer = setInterval(() => void flush(), options.intervalMs ?? 1_000);
  timer.unref();
  return {
    enqueue(span) {
      if (queue.length >= MAX_QUEUE) return;
      queue.push(span);
      if (queue.length >= BATCH) void flush();
    },
    flush,
    async shutdown() {
      clearInterval(timer);
      await flush();
    },
  };
}
