import { onUnreadableMessage } from "@agents-crm/config/agent-config";
import type { Conversation, FileRecord, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { answerStoredMessage } from "../../channels/worker/answer-stored";
import { handOffUnreadable } from "../../channels/worker/unreadable-handoff";
import { agentReadsPhotos, photoDataUrl } from "../turns/photos-for-model";
import { invalidInput } from "../errors";
import { loadAgentForTurn } from "../turns/agent-configs";
import { AgentUnavailableError } from "../turns/customer-message";
import { withAttachments } from "../../files/attachment-views";
import { emitMessageWithFiles } from "./emit";
import { aiMayAnswer } from "./status-rules";

/**
 * The files a visitor attaches must be theirs: uploaded through this conversation's web chat and stored.
 * Anything else is the same refusal, so a visitor cannot probe other people's ids.
 */
export async function visitorFiles(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
  fileIds: readonly string[],
): Promise<FileRecord[]> {
  const found = await deps.repos.files.getMany(fileIds);
  return fileIds.map((fileId, index) => {
    const file = found.get(fileId);
    if (
      !file ||
      file.purpose !== "conversation" ||
      file.conversationId !== conversation.conversationId ||
      file.createdBy !== "customer" ||
      file.status !== "stored"
    ) {
      throw invalidInput(["fileIds", index], "No such file in this conversation");
    }
    return file;
  });
}

const LABEL = { photo: "photo", file: "file" } as const;

async function someReadable(deps: Pick<ApiDeps, "files">, files: FileRecord[]): Promise<boolean> {
  for (const file of files) if (await photoDataUrl(deps, file.fileId)) return true;
  return false;
}

/**
 * A web chat message with files: stored with them (its text the caption), shown to the consoles, then
 * handled as every channel handles media: photos answered by a vision model when the deployment and the
 * agent allow it; otherwise as media the agent cannot read — handed to a human when the agent says so
 * (the console shows the photo), else kept for staff. Returns the reply or notice the visitor is sent.
 */
export async function receiveVisitorFiles(
  deps: ApiDeps,
  conversation: Conversation,
  input: { content: string; files: FileRecord[] },
): Promise<{ userMessage: Message; reply: Message | null; conversation: Conversation }> {
  const agent = await loadAgentForTurn(deps.repos, conversation.agentId);
  if (agent.status !== "ok") throw new AgentUnavailableError(agent.status);
  const kind = input.files.every((file) => file.kind === "image") ? "photo" : "file";
  const caption = input.content.trim();
  const userMessage: Message = await deps.repos.messages.append({
    conversationId: conversation.conversationId,
    agentId: conversation.agentId,
    role: "user",
    content: caption,
    channel: conversation.channel,
    kind,
    fileIds: input.files.map((file) => file.fileId),
    metadata: {},
  });
  const preview = caption ? `[${LABEL[kind]}] ${caption}` : `[${LABEL[kind]}]`;
  const touched =
    (await deps.repos.conversations.touchActivity(conversation.conversationId, {
      preview,
      fromCustomer: true,
    })) ?? conversation;
  await emitMessageWithFiles(deps, touched, userMessage);
  // With a vision model the agent reads the photos and answers in the usual turn (its caption too),
  // unless none of them can be sent (too large, another type): then as without one.
  if (
    kind === "photo" &&
    agentReadsPhotos(deps, agent.config) &&
    aiMayAnswer(touched, agent.config) &&
    (await someReadable(deps, input.files))
  ) {
    const reply = await answerStoredMessage(deps, touched, agent.config, userMessage);
    const after = (await deps.repos.conversations.get(conversation.conversationId)) ?? touched;
    return { userMessage, reply, conversation: after };
  }
  if (onUnreadableMessage(agent.config) !== "handoff" || !aiMayAnswer(touched, agent.config)) {
    return { userMessage, reply: null, conversation: touched };
  }
  const earlier = await deps.repos.messages.lastN(conversation.conversationId, 20);
  const notice = await handOffUnreadable(deps, touched, agent.config, userMessage, {
    kind,
    label: LABEL[kind],
    // The caption counts: the notice is in the language the visitor wrote it in.
    earlierCustomerTexts: [
      ...earlier.filter((m) => m.role === "user" && m.kind === "text").map((m) => m.content),
      ...(caption ? [caption] : []),
    ],
  });
  const after = (await deps.repos.conversations.get(conversation.conversationId)) ?? touched;
  return { userMessage, reply: notice, conversation: after };
}

/** The visitor's own message as chat.send answers it: their files as signed links (an <img> sends no token). */
export async function withVisitorFiles(deps: Pick<ApiDeps, "repos" | "files">, message: Message) {
  if (!message.fileIds?.length) return message;
  const [signed = message] = await withAttachments(deps.repos, [message], {
    signer: deps.files.signer,
  });
  return signed;
}
