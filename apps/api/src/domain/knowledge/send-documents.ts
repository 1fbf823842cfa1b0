import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { deliverFileMessage } from "../conversations/file-message";

/**
 * The library documents the turn chose, sent to the customer as files right after the reply, through the
 * same delivery as staff files (live on the web chat, the durable delivery jobs on the platforms). What
 * the model proposed is checked again here: the document must still exist, be sendable, and have a file.
 * A refusal (the platform's size limit, say) is logged; the reply itself already went out.
 */
export async function sendLibraryDocuments(
  deps: ApiDeps,
  conversation: Conversation,
  documentIds: readonly string[],
): Promise<Message | null> {
  if (documentIds.length === 0) return null;
  const documents = await Promise.all(
    documentIds.map((id) => deps.repos.knowledgeDocuments.get(conversation.agentId, id)),
  );
  const sendable = documents.filter(
    (document) => document?.sendable === true && document.fileId !== null,
  );
  if (sendable.length === 0) return null;
  try {
    return await deliverFileMessage(
      deps,
      conversation,
      sendable.map((document) => document!.fileId as string),
      sendable.map((document) => document!.title).join(", "),
    );
  } catch (error) {
    deps.log.warn("library documents not sent", {
      conversationId: conversation.conversationId,
      documentIds: sendable.map((document) => document!.documentId),
      error,
    });
    return null;
  }
}
