import { splitForChannel } from "@agents-crm/ai";
import { NotFoundError, type Conversation, type Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import type { ChannelClients } from "./channel-clients";
import type { DeliveryJob } from "./delivery-job";
import { PermanentDeliveryError } from "./delivery-errors";
import { recordDelivery, sentPartIds } from "./delivery-status";
import { resolveTarget, type ResolvedTarget } from "./delivery-target";
import { windowVerdict } from "./messaging-windows";
import { sendWithRetries, type SendRetryPolicy } from "./send-with-retries";

export type DeliveryDeps = Pick<ApiDeps, "repos" | "hub">;

export interface DeliveryRuntime {
  clients: ChannelClients;
  retry: SendRetryPolicy;
  /** How long one run of a job may keep sending (well inside its lease, so no one else starts it). */
  budgetMs: number;
  now: () => Date;
}

/**
 * One delivery job: the stored message, split to the platform's limit, sent part by part. Each part's
 * platform id is recorded as it goes out, so a job that runs again (a crash, a retry) resumes after
 * the parts already sent and a message recorded as sent is never sent again. Permanent refusals and
 * closed messaging windows mark the message failed at once; transient failures throw, and the inbox
 * retries the job with back-off.
 */
export async function deliverMessage(
  deps: DeliveryDeps,
  runtime: DeliveryRuntime,
  job: DeliveryJob,
  options: { deadline?: number } = {},
): Promise<void> {
  const { repos } = deps;
  const [message, conversation] = await Promise.all([
    repos.messages.get(job.conversationId, job.messageId),
    repos.conversations.get(job.conversationId),
  ]);
  // A staff note is never sent (none is queued; a forged job must not send one either).
  if (
    !message ||
    !conversation ||
    message.deliveryStatus !== "pending" ||
    message.role === "note"
  ) {
    return;
  }

  let resolved: ResolvedTarget;
  try {
    resolved = await resolveTarget(repos, conversation, job.bindingId);
  } catch (error) {
    if (!(error instanceof PermanentDeliveryError)) throw error;
    await recordDelivery(deps, conversation, message, { status: "failed", error: error.message });
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
    });
    return;
  }

  const parts = splitForChannel(message.content, conversation.channel);
  if (parts.length === 0) {
    await recordDelivery(deps, conversation, message, { status: "not_applicable" });
    return;
  }
  const ids = sentPartIds(message);
  const deadline = options.deadline ?? Date.now() + runtime.budgetMs;
  try {
    for (let index = ids.length; index < parts.length; index++) {
      const text = parts[index] ?? "";
      ids.push(
        await sendWithRetries(runtime.clients, runtime.retry, resolved.target, text, {
          humanAgentTag: verdict.humanAgentTag,
          deadline,
        }),
      );
      if (index < parts.length - 1) {
        await repos.messages.updateDelivery(conversation.conversationId, message.messageId, {
          status: "pending",
          externalMessageId: ids.join(","),
        });
      }
    }
  } catch (error) {
    if (error instanceof PermanentDeliveryError) {
      const part = parts.length > 1 ? ` (part ${ids.length + 1} of ${parts.length})` : "";
      await recordDelivery(deps, conversation, message, {
        status: "failed",
        error: `${error.message}${part}`,
        externalMessageId: ids.length > 0 ? ids.join(",") : undefined,
        bindingId,
      });
      return;
    }
    await noteRetry(deps, conversation, message, error);
    throw error;
  }
  await recordDelivery(deps, conversation, message, {
    status: "sent",
    externalMessageId: ids.join(","),
  });
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
    return;
  }
  const resolved = await resolveTarget(deps.repos, conversation, job.bindingId).catch(() => null);
  await recordDelivery(deps, conversation, message, {
    status: "failed",
    error: reason,
    bindingId: resolved?.binding.bindingId,
  });
}
