import type { BackoffPolicy } from "@agents-crm/db";
import type { ServerEnv } from "@agents-crm/config/env";
import type { ChannelClients } from "../delivery/channel-clients";
import type { DeliveryRuntime } from "../delivery/deliver-message";
import { DEFAULT_SEND_RETRY, type SendRetryPolicy } from "../delivery/send-with-retries";

export interface ChannelWorkerOptions {
  /** Unique per process by default (host, pid, random suffix). */
  workerId?: string;
  /** Events processed at once by this process (one per conversation at a time). */
  concurrency?: number;
  /** How long a claimed event is ours; sized above the slowest turn (see `defaultLeaseMs`). */
  leaseMs?: number;
  /** Polling interval when nothing wakes the workers (other replicas' webhooks, retries coming due). */
  pollMs?: number;
  /** Attempts before an event is dead-lettered. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  sendRetry?: Partial<SendRetryPolicy>;
  /** Per-request timeout of platform calls. */
  platformTimeoutMs?: number;
  /** Telegram: minimum gap between two messages to one chat. */
  telegramIntervalMs?: number;
  /** Re-queues pending deliveries of recently active conversations at start (default true). */
  recover?: boolean;
  clients?: ChannelClients;
  now?: () => Date;
}

export interface WorkerRuntime extends DeliveryRuntime {
  workerId: string;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  maxAttempts: number;
  backoff: BackoffPolicy;
}

/** Turns mostly wait on the model, so a process keeps many in flight; each is one conversation's. */
export const DEFAULT_CONCURRENCY = 32;
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * A lease must outlast the slowest turn, or another worker would start the same event while the first
 * still runs. A turn is at most two model-call budgets in sequence (moderation/retrieval, then the
 * answer; OPENAI_TIMEOUT spans a call's retries), plus the database writes: three budgets and a margin.
 * Delivery jobs are shorter (per-request timeouts, a few tries).
 */
export function defaultLeaseMs(env: Pick<ServerEnv, "OPENAI_TIMEOUT">): number {
  return (3 * env.OPENAI_TIMEOUT + 5) * 1000;
}

/** Platform requests time out well inside a lease, so a delivery run ends before its lease does. */
export const platformTimeoutMs = (leaseMs: number) => Math.min(10_000, Math.floor(leaseMs / 4));

export function workerRuntime(
  clients: ChannelClients,
  options: ChannelWorkerOptions & { leaseMs: number },
  fallbackWorkerId: string,
): WorkerRuntime {
  return {
    workerId: options.workerId ?? fallbackWorkerId,
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    leaseMs: options.leaseMs,
    budgetMs: Math.floor(options.leaseMs / 2),
    pollMs: options.pollMs ?? 1_000,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    clients,
    retry: { ...DEFAULT_SEND_RETRY, ...options.sendRetry },
    now: options.now ?? (() => new Date()),
  };
}
