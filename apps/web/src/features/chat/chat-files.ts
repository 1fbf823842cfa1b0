import {
  ATTACHMENT_MAX_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  WEB_CHAT_ATTACHMENT_MIME_TYPES,
} from "@agents-crm/config/attachments";

/** What the file picker offers: the types the web chat keeps (images and PDFs). */
export const CHAT_FILE_ACCEPT = WEB_CHAT_ATTACHMENT_MIME_TYPES.join(",");

/** The most files one message carries (the API refuses more). */
export const MAX_CHAT_FILES = Math.min(4, MAX_ATTACHMENTS_PER_MESSAGE);

export const chatFileLimitBytes = (type: string) =>
  type === "application/pdf" ? ATTACHMENT_MAX_BYTES.document : ATTACHMENT_MAX_BYTES.image;

export type ChatFileProblem = "type" | "size" | "count";

/**
 * Whether a picked file may go: a type the chat keeps and within its kind's limit. The API checks the
 * bytes again (a renamed file is refused there); this only spares the visitor a useless upload.
 */
export function checkChatFile(
  file: { type: string; size: number },
  alreadyChosen: number,
): ChatFileProblem | null {
  if (alreadyChosen >= MAX_CHAT_FILES) return "count";
  const accepted: readonly string[] = WEB_CHAT_ATTACHMENT_MIME_TYPES;
  if (!accepted.includes(file.type)) return "type";
  return file.size > chatFileLimitBytes(file.type) ? "size" : null;
}

export interface ChatFileRefusal<F> {
  file: F;
  problem: ChatFileProblem;
}

/**
 * The files `current` becomes with `added` (picked, pasted or dropped): each in order while it fits,
 * the others refused with the reason. One rule for every way in, so paste cannot bypass the picker's.
 */
export function addChatFiles<F extends { type: string; size: number }>(
  current: readonly F[],
  added: readonly F[],
): { files: F[]; refused: ChatFileRefusal<F>[] } {
  const files = [...current];
  const refused: ChatFileRefusal<F>[] = [];
  for (const file of added) {
    const problem = checkChatFile(file, files.length);
    if (problem) refused.push({ file, problem });
    else files.push(file);
  }
  return { files, refused };
}

/**
 * A failed message taken back: its files return to the composer ahead of what is chosen now (its text
 * goes back first in the draft too), as many as one message carries.
 */
export function restoreChatFiles<F extends { type: string; size: number }>(
  current: readonly F[],
  withdrawn: readonly F[],
): F[] {
  return addChatFiles([], [...withdrawn, ...current]).files;
}

/** The API's upload route for visitors; the web server proxies it with /trpc. */
export const CHAT_UPLOAD_PATH = "/files/web-chat";

export class ChatUploadError extends Error {
  override name = "ChatUploadError";
  constructor(readonly status: number | null) {
    super(status === null ? "upload failed: offline" : `upload failed: HTTP ${status}`);
  }
}

/** Uploads one file into the visitor's conversation; returns its file id. */
export async function uploadChatFile(
  session: { conversationId: string; token: string },
  file: File,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(CHAT_UPLOAD_PATH, {
      method: "POST",
      headers: {
        "content-type": file.type || "application/octet-stream",
        "x-file-name": encodeURIComponent(file.name),
        "x-web-chat-conversation": session.conversationId,
        "x-web-chat-token": session.token,
      },
      body: file,
      credentials: "omit",
    });
  } catch {
    throw new ChatUploadError(null);
  }
  if (!response.ok) throw new ChatUploadError(response.status);
  const answer = (await response.json()) as { file?: { fileId?: unknown } };
  const fileId = answer.file?.fileId;
  if (typeof fileId !== "string") throw new ChatUploadError(response.status);
  return fileId;
}
