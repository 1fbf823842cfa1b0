import { onUnreadableMessage } from "@agents-crm/config/agent-config";
import type { Conversation, FileRecord, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { handOffUnreadable } from "../../channels/worker/unreadable-handoff";
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

/**
 * A web chat message with files: stored with them (its text the caption), shown to the consoles, then
 * handled as every channel handles media the agent cannot read: handed to a human when the agent says
 * so (the console shows the photo), otherwise kept for staff. Returns the notice the visitor is sent.
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
  if (onUnreadableMessage(agent.config) !== "handoff" || !aiMayAnswer(touched, agent.config)) {
    return { userMessage, reply: null, conversation: touched };
  }
  const earlier = await deps.repos.messages.lastN(conversation.conversationId, 20);
  const notice = await handOffUnreadable(deps, touched, agent.config, userMessage, {
    label: LABEL[kind],
    earlierCustomerTexts: earlier
      .filter((m) => m.role === "user" && m.kind === "text")
      .map((m) => m.content),
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
