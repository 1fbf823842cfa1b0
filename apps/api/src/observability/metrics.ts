import { Counter, Gauge, Histogram, Registry } from "./exposition";

/** Seconds: from a cache hit to a slow model call (turns) or a slow database call. */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const CALL_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The one metrics registry of a replica (docs/observability.md lists every metric). Each replica has its
 * own; Prometheus scrapes them all and sums. Names follow Prometheus' conventions: `_total` counters,
 * base units (seconds, bytes, US dollars).
 */
export function createMetrics() {
  const registry = new Registry();
  const counter = <L extends string>(name: string, help: string, labels: readonly L[] = []) =>
    registry.add(new Counter<L>({ name, help }, labels));
  const gauge = <L extends string>(name: string, help: string, labels: readonly L[] = []) =>
    registry.add(new Gauge<L>({ name, help }, labels));
  const histogram = <L extends string>(
    name: string,
    help: string,
    labels: readonly L[],
    buckets: readonly number[],
  ) => registry.add(new Histogram<L>({ name, help }, labels, buckets));

  return {
    registry,
    info: gauge("agents_crm_replica_info", "Always 1; labels name this replica and its version.", [
      "replica",
      "version",
    ]),
    httpRequests: counter(
      "agents_crm_http_requests_total",
      "HTTP requests answered, by route group and status class.",
      ["route", "status"],
    ),
    turns: counter(
      "agents_crm_turns_total",
      "Agent turns, by channel and outcome (replied, escalated, discarded, skipped, failed).",
      ["channel", "outcome"],
    ),
    turnDuration: histogram(
      "agents_crm_turn_duration_seconds",
      "Wall time of an agent turn, from its start to its committed reply.",
      ["channel"],
      TURN_BUCKETS,
    ),
    turnStepDuration: histogram(
      "agents_crm_turn_step_duration_seconds",
      "Wall time of each step of a turn: history, model (retrieval, moderation and the chat call), commit.",
      ["step"],
      TURN_BUCKETS,
    ),
    llmCalls: counter(
      "agents_crm_llm_calls_total",
      "Model calls, by provider (openai, offline), kind (chat, embedding, moderation, transcription) and outcome (ok, error).",
      ["provider", "kind", "outcome"],
    ),
    llmTokens: counter(
      "agents_crm_llm_tokens_total",
      "Tokens of model calls, by provider, kind and type (prompt, completion, cached).",
      ["provider", "kind", "type"],
    ),
    llmCost: counter(
      "agents_crm_llm_cost_usd_total",
      "Estimated cost of model calls in US dollars, by provider and kind.",
      ["provider", "kind"],
    ),
    llmDuration: histogram(
      "agents_crm_llm_call_duration_seconds",
      "Latency of model calls (all attempts), by provider and kind.",
      ["provider", "kind"],
      TURN_BUCKETS,
    ),
    webhookEvents: counter(
      "agents_crm_webhook_events_total",
      "Platform webhook events, by platform and outcome (stored, duplicate, skipped, unavailable).",
      ["platform", "outcome"],
    ),
    webhookRequests: counter(
      "agents_crm_webhook_requests_total",
      "Platform webhook deliveries (HTTP requests), by platform and status code.",
      ["platform", "status"],
    ),
    inboxJobs: counter(
      "agents_crm_inbox_jobs_total",
      "Inbox items processed by this replica, by outcome (done, retrying, dead, released, lost_lease).",
      ["outcome"],
    ),
    inboxDepth: gauge(
      "agents_crm_inbox_depth",
      "Inbox items queued or being processed (the whole cluster's, read at scrape time).",
    ),
    inboxOldestAge: gauge(
      "agents_crm_inbox_oldest_age_seconds",
      "How long the longest-waiting due inbox item has been due (0 when none is).",
    ),
    deadLetters: gauge(
      "agents_crm_dead_letters",
      "Dead-lettered inbox items kept for replay (the whole cluster's, read at scrape time).",
    ),
    deliveries: counter(
      "agents_crm_deliveries_total",
      "Outbound messages to customers on platforms, by channel and outcome (sent, failed).",
      ["channel", "outcome"],
    ),
    sockets: gauge("agents_crm_open_sockets", "WebSocket connections open on this replica."),
    rateLimitRefusals: counter(
      "agents_crm_rate_limit_refusals_total",
      "Calls refused by the rate limiter (HTTP, WebSocket calls, copilot), on this replica.",
    ),
    dynamoCalls: counter(
      "agents_crm_dynamodb_calls_total",
      "DynamoDB commands sent, by operation and table, and outcome (ok, error, throttled).",
      ["operation", "table", "outcome"],
    ),
    dynamoBatchItems: counter(
      "agents_crm_dynamodb_batch_items_total",
      "Items (keys or writes) carried by DynamoDB batch commands, by operation: each is billed as one request.",
      ["operation"],
    ),
    dynamoThrottles: counter(
      "agents_crm_dynamodb_throttles_total",
      "DynamoDB commands that failed throttled after the SDK's retries, by operation.",
      ["operation"],
    ),
    dynamoDuration: histogram(
      "agents_crm_dynamodb_call_duration_seconds",
      "Latency of DynamoDB commands (including the SDK's retries), by operation.",
      ["operation"],
      CALL_BUCKETS,
    ),
    residentMemory: gauge("agents_crm_process_resident_memory_bytes", "Resident set size."),
    heapUsed: gauge("agents_crm_process_heap_used_bytes", "V8 heap in use."),
    eventLoopDelay: gauge(
      "agents_crm_event_loop_delay_p99_seconds",
      "99th percentile of event-loop delay over the last 10–20 s.",
    ),
    uptime: gauge("agents_crm_process_uptime_seconds", "Seconds since this replica started."),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
