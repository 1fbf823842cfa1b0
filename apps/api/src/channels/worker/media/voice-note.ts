import { LlmError } from "@agents-crm/ai";
import { onUnreadableMessage } from "@agents-crm/config/agent-config";
import type { MessageKind } from "@agents-crm/config/messages";
import type { Message } from "@agents-crm/db";
import type { ApiDeps } from "../../../deps";
import { loadAgentForTurn } from "../../../domain/turns/agent-configs";
import { deliverReplyNow } from "../../delivery/deliver-reply";
import { enqueueDelivery } from "../../delivery/delivery-job";
import { answerStoredMessage } from "../answer-stored";
import { answersTo, RECENT_FOR_RERUN } from "../stored-inbound";
import { handOffUnreadable } from "../unreadable-handoff";
import type { WorkerRuntime } from "../worker-runtime";
import { inboundFiles } from "./inbound-files";
import type { MediaJob } from "./media-job";

const SPOKEN: ReadonlySet<MessageKind> = new Set(["voice", "audio"]);
const LABELS: Partial<Record<MessageKind, string>> = {
  voice: "voice message",
  audio: "audio",
  photo: "photo",
};

/**
 * A voice note or audio is read as text when a transcription model is configured: its message waits for
 * the file (downloaded by the media job) instead of being handed over as unreadable on arrival.
 */
export const willTranscribe = (deps: Pick<ApiDeps, "llm">, kind: MessageKind): boolean =>
  deps.llm.transcriber !== undefined && SPOKEN.has(kind);

/**
 * After a voice note's file is stored: its words are transcribed, kept with the message (the console
 * shows them under the player) and answered like a text message, in the same lane and turn. A
 * transcription that may work later (the server unreachable, a 5xx) is thrown, so the media job retries
 * with its back-off; one that cannot (a refused file, a 4xx, no words) is handed over as offline.
 */
export async function answerVoiceNote(
  deps: ApiDeps,
  runtime: WorkerRuntime,
  job: MediaJob,
): Promise<void> {
  const transcriber = deps.llm.transcriber;
  // Without a transcription model the media job does not even read the message.
  if (!transcriber) return;
  let message = await deps.repos.messages.get(job.conversationId, job.messageId);
  if (!transcriber || !message || !willTranscribe(deps, message.kind)) return;
  const log = deps.log.child({ conversationId: job.conversationId, messageId: job.messageId });
  const deliver = async (reply: Message | null) => {
    if (!reply) return;
    await deliverReplyNow(deps, runtime, log, reply, {
      bindingId: job.bindingId,
      deadline: Date.now() + Math.floor(runtime.leaseMs / 2),
    });
  };
  if (!message.metadata.transcript) {
    const audio = await storedAudio(deps, job);
    if (!audio) return deliver(await handOffMedia(deps, message));
    let text: string;
    try {
      text = await transcriber.transcribe(audio);
    } catch (error) {
      if (!(error instanceof LlmError) || error.retryable) throw error;
      log.warn("voice note not transcribed; handed over as unreadable", { error: error.message });
      return deliver(await handOffMedia(deps, message));
    }
    if (!text) return deliver(await handOffMedia(deps, message));
    const updated = await deps.repos.messages.setMetadataField(
      job.conversationId,
      job.messageId,
      "transcript",
      text,
    );
    if (!updated) return;
    message = updated;
    await inboundFiles(deps).announce(job.conversationId, job.messageId);
  }
  const recent = await deps.repos.messages.lastN(job.conversationId, RECENT_FOR_RERUN);
  if (answersTo(recent, message).length > 0) return;
  const [conversation, agent] = await Promise.all([
    deps.repos.conversations.get(job.conversationId),
    loadAgentForTurn(deps.repos, job.agentId),
  ]);
  if (!conversation || agent.status !== "ok") return;
  await deliver(await answerStoredMessage(deps, conversation, agent.config, message));
}

/** The media job's last attempt failed: a voice note still without words is handed over as offline. */
export async function voiceNoteGaveUp(deps: ApiDeps, job: MediaJob): Promise<void> {
  if (!deps.llm.transcriber) return;
  const message = await deps.repos.messages.get(job.conversationId, job.messageId);
  if (!message || !willTranscribe(deps, message.kind) || message.metadata.transcript) return;
  const notice = await handOffMedia(deps, message);
  if (notice) await enqueueDelivery(deps, notice, { bindingId: job.bindingId });
}

/** As an unreadable message is handled today: a human if the agent says so (`on_unreadable_message`). */
export async function handOffMedia(deps: ApiDeps, message: Message): Promise<Message | null> {
  const [conversation, agent] = await Promise.all([
    deps.repos.conversations.get(message.conversationId),
    loadAgentForTurn(deps.repos, message.agentId),
  ]);
  if (!conversation || agent.status !== "ok") return null;
  if (onUnreadableMessage(agent.config) !== "handoff") return null;
  const recent = await deps.repos.messages.lastN(message.conversationId, RECENT_FOR_RERUN);
  if (answersTo(recent, message).length > 0) return null;
  return handOffUnreadable(deps, conversation, agent.config, message, {
    kind: message.kind,
    label: LABELS[message.kind] ?? "message",
    earlierCustomerTexts: recent
      .filter((m) => m.role === "user" && m.kind === "text")
      .map((m) => m.content),
  });
}

/** The first stored audio file of the job, read whole (the kind's size limit bounds it). */
async function storedAudio(deps: ApiDeps, job: MediaJob) {
  for (const file of job.files) {
    if (file.kind !== "voice" && file.kind !== "audio") continue;
    const opened = await deps.files.openFile(file.fileId);
    if (!opened) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of opened.body) chunks.push(chunk as Buffer);
    return {
      bytes: new Uint8Array(Buffer.concat(chunks)),
      mimeType: opened.record.mimeType,
      name: opened.record.name ?? `voice.${extensionOf(opened.record.mimeType)}`,
    };
  }
  return null;
}

// The transcription server reads the format from the file name's extension.
const extensionOf = (mimeType: string) =>
  ({
    "audio/ogg": "ogg",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/wav": "wav",
    "audio/webm": "webm",
  })[mimeType.split(";")[0] ?? ""] ?? "ogg";
