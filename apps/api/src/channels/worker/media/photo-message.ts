import type { Message } from "@agents-crm/db";
import type { ApiDeps } from "../../../deps";
import { loadAgentForTurn } from "../../../domain/turns/agent-configs";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import {
  agentReadsPhotos,
  modelReadsPhotos,
  photoDataUrl,
} from "../../../domain/turns/photos-for-model";
import { deliverReplyNow } from "../../delivery/deliver-reply";
import { enqueueDelivery } from "../../delivery/delivery-job";
import { answerStoredMessage } from "../answer-stored";
import { answersTo, RECENT_FOR_RERUN } from "../stored-inbound";
import type { WorkerRuntime } from "../worker-runtime";
import type { MediaJob } from "./media-job";
import { handOffMedia } from "./voice-note";

/**
 * A photo is read by the model (OPENAI_VISION, and the agent's `read_photos`): its message waits for
 * the file instead of a hand-over.
 */
export const willSee = (
  deps: Pick<ApiDeps, "env" | "llm">,
  kind: Message["kind"],
  config: AgentConfig,
): boolean => kind === "photo" && agentReadsPhotos(deps, config);

/**
 * After a photo is stored: the agent answers it with its caption in the normal turn, the photo in the
 * same chat call. A photo the model cannot be sent (refused, too large, another type) is handled as
 * without a vision model (`on_unreadable_message`).
 */
export async function answerPhoto(
  deps: ApiDeps,
  runtime: WorkerRuntime,
  job: MediaJob,
): Promise<void> {
  if (!modelReadsPhotos(deps) || !job.files.some((file) => file.kind === "image")) return;
  const [message, agent] = await Promise.all([
    deps.repos.messages.get(job.conversationId, job.messageId),
    loadAgentForTurn(deps.repos, job.agentId),
  ]);
  if (agent.status !== "ok" || !message || !willSee(deps, message.kind, agent.config)) return;
  const log = deps.log.child({ conversationId: job.conversationId, messageId: job.messageId });
  let readable = false;
  for (const file of job.files) {
    if (file.kind === "image" && (await photoDataUrl(deps, file.fileId))) readable = true;
  }
  const recent = await deps.repos.messages.lastN(job.conversationId, RECENT_FOR_RERUN);
  if (answersTo(recent, message).length > 0) return;
  let reply: Message | null = null;
  if (!readable) {
    reply = await handOffMedia(deps, message);
  } else {
    const conversation = await deps.repos.conversations.get(job.conversationId);
    if (!conversation) return;
    reply = await answerStoredMessage(deps, conversation, agent.config, message);
  }
  if (!reply) return;
  await deliverReplyNow(deps, runtime, log, reply, {
    bindingId: job.bindingId,
    deadline: Date.now() + Math.floor(runtime.leaseMs / 2),
  });
}

/** The download never succeeded: the photo is handled as without a vision model. */
export async function photoGaveUp(deps: ApiDeps, job: MediaJob): Promise<void> {
  if (!modelReadsPhotos(deps)) return;
  const [message, agent] = await Promise.all([
    deps.repos.messages.get(job.conversationId, job.messageId),
    loadAgentForTurn(deps.repos, job.agentId),
  ]);
  if (agent.status !== "ok" || !message || !willSee(deps, message.kind, agent.config)) return;
  const notice = await handOffMedia(deps, message);
  if (notice) await enqueueDelivery(deps, notice, { bindingId: job.bindingId });
}
