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

/** The stored file's metadata, for a document made from it (INVALID_INPUT when there is no such file). */
export async function libraryFileInfo(
  deps: Pick<ApiDeps, "repos">,
  fileId: string,
): Promise<LibraryFileInfo> {
  void deps;
  throw invalidInput("fileId", `file ${fileId} not found`);
}

/** The stored file's bytes, for indexing. */
export async function readLibraryFile(
  deps: Pick<ApiDeps, "repos">,
  fileId: string,
): Promise<LibraryFile> {
  void deps;
  throw new Error(`file ${fileId} is not stored`);
}

/** Removes the document's original file (deleting a document deletes its file). */
export async function deleteLibraryFile(
  deps: Pick<ApiDeps, "repos">,
  fileId: string,
): Promise<void> {
  void deps;
  void fileId;
}
