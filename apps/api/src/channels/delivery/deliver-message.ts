import { NotFoundError, type Conversation, type Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import type { ChannelClients } from "./channel-clients";
import type { DeliveryJob } from "./delivery-job";
import { PermanentDeliveryError } from "./delivery-errors";
import { recordDelivery, sentPartIds } from "./delivery-status";
import { resolveTarget, type ResolvedTarget } from "./delivery-target";
import { windowVerdict } from "./messaging-windows";
import { planDelivery } from "./delivery-plan";
import type { OutboundFileSource } from "./outbound-file";
import { type SendRetryPolicy } from "./send-with-retries";
import { FAILED_STEP, attachmentDeliveryOf, pendingFilesFailed, sendStep } from "./send-step";

export type DeliveryDeps = Pick<ApiDeps, "repos" | "hub" | "metrics">;

export interface DeliveryRuntime {
  clients: ChannelClients;
  retry: SendRetryPolicy;
  /** How long one run of a job may keep sending (well inside its lease, so no one else starts it). */
  budgetMs: number;
  now: () => Date;
  /** The stored files a message carries (set by the workers from the file storage). */
  files?: OutboundFileSource;
}

/** The job's message and its conversation while the message still waits to be sent; null otherwise. */
async function pendingDelivery(
  deps: DeliveryDeps,
  job: DeliveryJob,
): Promise<{ message: Message; conversation: Conversation } | null> {
  const [message, conversation] = await Promise.all([
    deps.repos.messages.get(job.conversationId, job.messageId),
    deps.repos.conversations.get(job.conversationId),
  ]);
  // A staff note is never sent (none is queued; a forged job must not send one either).
  if (
    !message ||
    !conversation ||
    message.deliveryStatus !== "pending" ||
    message.role === "note"
  ) {
    return null;
  }
  return { message, conversation };
}

/**
 * One delivery job: the stored message, split to the platform's limit, sent part by part. Each part's
 * platform id is recorded as it goes out, so a job that runs again (a crash, a retry) resumes after
 * the parts already sent and a message recorded as sent is never sent again. Permanent refusals and
 * closed messaging windows mark the message failed at once; transient failures throw, and the inbox
 * retries the job with back-off. A file the platform refuses is marked failed on its own (with the
 * platform's reason) and the others still go; the message then shows failed, naming what was refused.
 */
export async function deliverMessage(
  deps: DeliveryDeps,
  runtime: DeliveryRuntime,
  job: DeliveryJob,
  options: { deadline?: number } = {},
): Promise<void> {
  const { repos } = deps;
  const pending = await pendingDelivery(deps, job);
  if (!pending) return;
  const { message, conversation } = pending;

  let resolved: ResolvedTarget;
  try {
    resolved = await resolveTarget(repos, conversation, job.bindingId);
  } catch (error) {
    if (!(error instanceof PermanentDeliveryError)) throw error;
    await recordDelivery(deps, conversation, message, {
      status: "failed",
      error: error.message,
      ...(error.failure ? { failure: error.failure } : {}),
      ...pendingFilesFailed(message, error.message),
    });
    return;
  }
  const bindingId = resolved.binding.bindingId;
  const author = message.role === "admin" ? "staff" : "agent";
  const verdict = windowVerdict(
    conversation.channel,
    author,
    resolved.lastInboundAt,
    runtime.now(),
  );
  if (!verdict.ok) {
    await recordDelivery(deps, conversation, message, {
      status: "failed",
      error: verdict.reason,
      bindingId,
      failure: { kind: "messaging_window", window: verdict.window },
      ...pendingFilesFailed(message, verdict.reason),
    });
    return;
  }

  const fileIds = message.fileIds ?? [];
  const source = runtime.files;
  const files = source ? await Promise.all(fileIds.map((id) => source.describe(id))) : [];
  const steps = planDelivery(resolved.target.channel, message.content, fileIds, files);
  if (steps.length === 0) {
    await recordDelivery(deps, conversation, message, { status: "not_applicable" });
    return;
  }
  const ids = sentPartIds(message);
  const perFile = attachmentDeliveryOf(message, fileIds);
  const deadline = options.deadline ?? Date.now() + runtime.budgetMs;
  const progress = (status: "pending" | "sent" | "failed", error?: string) => ({
    status,
    externalMessageId: ids.length > 0 ? ids.join(",") : undefined,
    ...(error ? { error } : {}),
    ...(fileIds.length > 0 ? { attachmentDelivery: perFile } : {}),
  });
  try {
    for (let index = ids.length; index < steps.length; index++) {
      const step = steps[index];
      if (!step) break;
      const outcome = await sendStep(runtime, resolved, step, {
        humanAgentTag: verdict.humanAgentTag,
        deadline,
      });
      ids.push(outcome.id ?? FAILED_STEP);
      // Before anything else: Meta's reports and echoes of this part name only its id (Telegram's
      // ids are per chat and it reports nothing).
      if (outcome.id && resolved.target.channel !== "telegram") {
        await repos.sentMessageRefs.remember(resolved.target.channel, outcome.id, message);
      }
      if (step.kind === "file") perFile[step.fileId] = outcome.delivery;
      if (index < steps.length - 1) {
        // Files show their own progress live; text parts only need their ids kept for a resume.
        if (step.kind === "file")
          await recordDelivery(deps, conversation, message, progress("pending"));
        else
          await repos.messages.updateDelivery(
            conversation.conversationId,
            message.messageId,
            progress("pending"),
          );
      }
    }
  } catch (error) {
    if (error instanceof PermanentDeliveryError) {
      const part = steps.length > 1 ? ` (part ${ids.length + 1} of ${steps.length})` : "";
      for (const fileId of fileIds) {
        if (perFile[fileId]?.status === "pending") {
          perFile[fileId] = { status: "failed", error: `not sent: ${error.message}${part}` };
        }
      }
      await recordDelivery(deps, conversation, message, {
        ...progress("failed", `${error.message}${part}`),
        ...(error.failure ? { failure: error.failure } : {}),
        bindingId,
      });
      return;
    }
    await noteRetry(deps, conversation, message, error);
    throw error;
  }
  const refused = fileIds.filter((id) => perFile[id]?.status === "failed");
  if (refused.length > 0) {
    const reasons = refused.map((id) => perFile[id]?.error).join("; ");
    await recordDelivery(deps, conversation, message, {
      ...progress("failed", `${refused.length} of ${fileIds.length} files not sent: ${reasons}`),
      bindingId,
    });
    return;
  }
  await recordDelivery(deps, conversation, message, progress("sent"));
}

/** Still pending, with the reason it has not gone out yet (the console shows it while retries run). */
async function noteRetry(
  deps: DeliveryDeps,
  conversation: Conversation,
  message: Message,
  error: unknown,
): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error);
  try {
    await deps.repos.messages.updateDelivery(conversation.conversationId, message.messageId, {
      status: "pending",
      error: `retrying: ${reason}`,
    });
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
}

/** The inbox gave up on a delivery job: the message shows as failed, with the last error. */
export async function deliveryGaveUp(
  deps: DeliveryDeps,
  job: DeliveryJob,
  reason: string,
): Promise<void> {
  const pending = await pendingDelivery(deps, job);
  if (!pending) return;
  const { message, conversation } = pending;
  const resolved = await resolveTarget(deps.repos, conversation, job.bindingId).catch(() => null);
  await recordDelivery(deps, conversation, message, {
    status: "failed",
    error: reason,
    bindingId: resolved?.binding.bindingId,
    ...pendingFilesFailed(message, reason),
  });
}
