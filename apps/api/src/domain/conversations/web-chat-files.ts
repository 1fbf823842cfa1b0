import type { FileRecord, Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { withAttachments } from "../../files/attachment-views";
import { invalidInput } from "../errors";

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
 * A web chat message with files, as the turn takes it: a photo message when all are images, else a
 * file message; its text is the caption, the inbox preview says what it is ("[photo] caption"). The
 * turn (turns/turn-with-files.ts) lets a vision model read the photos, or hands the files over.
 */
export function filesMessage(content: string, files: readonly FileRecord[]) {
  const kind = files.every((file) => file.kind === "image") ? "photo" : "file";
  const caption = content.trim();
  return {
    content: caption,
    kind,
    fileIds: files.map((file) => file.fileId),
    preview: caption ? `[${LABEL[kind]}] ${caption}` : `[${LABEL[kind]}]`,
  } as const;
}

/** The visitor's own message as chat.send answers it: their files as signed links (an <img> sends no token). */
export async function withVisitorFiles(deps: Pick<ApiDeps, "repos" | "files">, message: Message) {
  if (!message.fileIds?.length) return message;
  const [signed = message] = await withAttachments(deps.repos, [message], {
    signer: deps.files.signer,
  });
  return signed;
}
