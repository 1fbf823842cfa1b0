import type { LibraryFile } from "@agents-crm/ai";
import type { ApiDeps } from "../../deps";
import { invalidInput } from "../errors";

/** What the library needs to know of an uploaded file. */
export interface LibraryFileInfo {
  fileId: string;
  name: string;
  mimeType: string;
  size: number;
}

/**
 * A file uploaded for this agent's library (`POST /files` with the library purpose), for a document made
 * from it: INVALID_INPUT when there is no such stored file, or it belongs elsewhere.
 */
export async function libraryFileInfo(
  deps: Pick<ApiDeps, "repos">,
  agentId: string,
  fileId: string,
): Promise<LibraryFileInfo> {
  const file = await deps.repos.files.get(fileId);
  if (!file || file.purpose !== "library" || file.agentId !== agentId)
    throw invalidInput("fileId", "no such file was uploaded for this agent's library");
  if (file.status !== "stored")
    throw invalidInput("fileId", `the file was not stored (${file.reason ?? file.status})`);
  return {
    fileId: file.fileId,
    name: file.name ?? file.fileId,
    mimeType: file.mimeType,
    size: file.size,
  };
}

/** The stored file's bytes, for indexing. */
export async function readLibraryFile(
  deps: Pick<ApiDeps, "files">,
  fileId: string,
): Promise<LibraryFile> {
  const opened = await deps.files.openFile(fileId);
  if (!opened) throw new Error(`file ${fileId} is not stored`);
  const chunks: Buffer[] = [];
  for await (const chunk of opened.body) chunks.push(Buffer.from(chunk as Uint8Array));
  return {
    fileName: opened.record.name ?? fileId,
    mimeType: opened.record.mimeType,
    data: new Uint8Array(Buffer.concat(chunks)),
  };
}

/** Removes the document's original file, bytes and record (deleting a document deletes its file). */
export async function deleteLibraryFile(
  deps: Pick<ApiDeps, "repos" | "files">,
  fileId: string,
): Promise<void> {
  const record = await deps.repos.files.get(fileId);
  if (!record) return;
  if (record.storageKey) await deps.files.store.delete(record.storageKey);
  await deps.repos.files.delete(fileId);
}
