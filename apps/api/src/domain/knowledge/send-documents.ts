import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { checkOutboundFiles } from "../conversations/outbound-files";

/**
 * The files of the library documents the turn chose, for the reply to carry: the reply goes out with
 * them through the same delivery as staff files (live on the web chat; on the platforms the durable
 * delivery, the reply as the file's caption where the platform allows). What the model proposed is
 * checked again here: the document must still exist, be sendable, have a file, and fit the channel's
 * limits — a file that does not is logged and left out; the reply itself still goes.
 */
export async function libraryFilesForReply(
  deps: Pick<ApiDeps, "repos" | "log">,
  conversation: Conversation,
  documentIds: readonly string[],
): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const documents = await Promise.all(
    documentIds.map((id) => deps.repos.knowledgeDocuments.get(conversation.agentId, id)),
  );
  const fileIds: string[] = [];
  for (const document of documents) {
    if (document?.sendable !== true || !document.fileId || fileIds.includes(document.fileId))
      continue;
    try {
      await checkOutboundFiles(deps, conversation, [...fileIds, document.fileId], {
        agentFiles: true,
      });
      fileIds.push(document.fileId);
    } catch (error) {
      deps.log.warn("library document not sent", {
        conversationId: conversation.conversationId,
        documentId: document.documentId,
        error,
      });
    }
  }
  return fileIds;
}
