import { isStorageUnavailable, type InboundEvent as InboxItem } from "@agents-crm/db";
import { ConversationBusyError } from "../../cluster/turn-handoff";
import type { ApiDeps } from "../../deps";
import type { Logger } from "../../logger";
import { withLogContext } from "../../observability/log-context";
import { jobGaveUp, processJob, UnprocessableJobError } from "./process-job";
import type { WorkerRuntime } from "./worker-runtime";

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export interface InboxItemContext {
  deps: ApiDeps;
  runtime: WorkerRuntime;
  log: Logger;
  /** True once the workers stop: a release still retrying gives up (the lease runs out anyway). */
  stopping: () => boolean;
}

/**
 * The storage refused a write mid-item (e.g. a full disk): the event is fine, so it goes back in line
 * without spending an attempt, which a long outage would otherwise turn into dead letters. The release
 * is itself a write, so it is retried until storage takes writes again (or the lease runs out anyway).
 */
async function release(context: InboxItemContext, item: InboxItem, busy = false): Promise<void> {
  const { deps, runtime, log } = context;
  if (busy)
    log.info("web turn left to the replica running its conversation", { eventKey: item.eventKey });
  else
    log.warn("inbox item interrupted by unavailable storage; released", {
      eventKey: item.eventKey,
    });
  for (let delayMs = runtime.pollMs; !context.stopping(); delayMs = Math.min(2 * delayMs, 5_000)) {
    try {
      const retryAt = runtime.now().getTime() + runtime.backoff.baseMs;
      await deps.repos.inboundEvents.release(item.eventKey, runtime.workerId, {
        at: retryAt,
        refundAttempt: true,
      });
      return;
    } catch (error) {
      if (!isStorageUnavailable(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

/**
 * An item that failed: released when storage was the cause, otherwise failed with exponential back-off
 * until it is dead-lettered (at once when no code version can process it).
 */
async function settleFailedItem(
  context: InboxItemContext,
  item: InboxItem,
  error: unknown,
): Promise<void> {
  const { deps, runtime, log } = context;
  if (isStorageUnavailable(error)) {
    deps.metrics.inboxJobs.inc({ outcome: "released" });
    return release(context, item);
  }
  // Another replica runs the conversation's turns: not a failure, so no attempt is spent.
  if (error instanceof ConversationBusyError) {
    deps.metrics.inboxJobs.inc({ outcome: "released" });
    return release(context, item, true);
  }
  const reason = describe(error);
  const outcome = await deps.repos.inboundEvents.fail(item.eventKey, runtime.workerId, {
    error: reason,
    maxAttempts: error instanceof UnprocessableJobError ? 1 : runtime.maxAttempts,
    backoff: runtime.backoff,
  });
  const fields = { eventKey: item.eventKey, attempts: item.attempts, error: reason };
  deps.metrics.inboxJobs.inc({
    outcome: outcome.outcome === "lease-lost" ? "lost_lease" : outcome.outcome,
  });
  if (outcome.outcome === "dead") {
    log.error("inbox item dead-lettered", fields);
    await jobGaveUp(deps, item, reason);
  } else if (outcome.outcome === "retrying") {
    log.warn("inbox item failed; retrying", { ...fields, retryAt: outcome.retryAt });
  } else {
    log.warn("inbox item failed after its lease was lost", fields);
  }
}

/**
 * One claimed item, start to end: processed and completed, or settled as a failure. Its event key is
 * the job id of every log line (and the span) of its work, the turn's included.
 */
export function runInboxItem(context: InboxItemContext, item: InboxItem): Promise<void> {
  const attributes = { "job.id": item.eventKey, "job.attempts": item.attempts };
  return withLogContext({ jobId: item.eventKey }, () =>
    context.deps.tracer.inSpan("inbox.job", attributes, () => runItem(context, item)),
  );
}

async function runItem(context: InboxItemContext, item: InboxItem): Promise<void> {
  const { deps, runtime, log } = context;
  try {
    await processJob(deps, runtime, item);
    deps.metrics.inboxJobs.inc({ outcome: "done" });
    if (!(await deps.repos.inboundEvents.complete(item.eventKey, runtime.workerId))) {
      log.warn("inbox item finished after its lease was lost", { eventKey: item.eventKey });
    }
  } catch (error) {
    await settleFailedItem(context, item, error);
  }
}

/** Claims up to `limit` due items under leases; a failed claim is logged (unless stopping) and claims none. */
export async function claimInboxItems(
  context: InboxItemContext,
  limit: number,
): Promise<InboxItem[]> {
  const { deps, runtime, log } = context;
  try {
    return await deps.repos.inboundEvents.claimDue({
      workerId: runtime.workerId,
      leaseMs: runtime.leaseMs,
      limit,
      maxAttempts: runtime.maxAttempts,
    });
  } catch (error) {
    if (!context.stopping()) log.warn("inbox claim failed", { error });
    return [];
  }
}
