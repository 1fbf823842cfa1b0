import { checkOutboundFile, MAX_FILES_PER_MESSAGE } from "@agents-crm/config/outbound-media";
import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { invalidInput } from "../errors";

/**
 * The files a message to the customer may carry, checked before anything is stored or sent: each one
 * stored for this conversation (by `uploaderId` when staff send it; or, with `agentFiles`, the agent's own
 * files such as knowledge documents), and within what the conversation's platform takes — a refusal names
 * the file and the platform's limit.
 */
export async function checkOutboundFiles(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
  fileIds: string[],
  options: { uploaderId?: string; agentFiles?: boolean } = {},
) {
  if (fileIds.length > MAX_FILES_PER_MESSAGE) {
    throw invalidInput(["fileIds"], `at most ${MAX_FILES_PER_MESSAGE} files per message`);
  }
  if (new Set(fileIds).size !== fileIds.length) {
    throw invalidInput(["fileIds"], "the same file is attached twice");
  }
  const files = await Promise.all(fileIds.map((id) => deps.repos.files.get(id)));
  return files.map((file, index) => {
    const path = ["fileIds", index];
    const ours =
      (file?.purpose === "conversation" &&
        file.conversationId === conversation.conversationId &&
        (options.uploaderId === undefined || file.createdBy === options.uploaderId)) ||
      (options.agentFiles === true &&
        file?.purpose === "library" &&
        file.agentId === conversation.agentId);
    if (!file || !ours) {
      throw invalidInput(path, "no such file was uploaded for this conversation");
    }
    if (file.status !== "stored") {
      throw invalidInput(
        path,
        `"${file.name ?? file.fileId}" was not stored (${file.reason ?? file.status})`,
      );
    }
    const verdict = checkOutboundFile(conversation.channel, file);
    if (!verdict.ok) throw invalidInput(path, verdict.message);
    return file;
  });
}
