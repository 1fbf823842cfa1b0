import { ApiError, type ApiErrorCode } from "./errors";
import { trpcUrls } from "./create-client";

export interface UploadedFile {
  fileId: string;
  name: string;
  mimeType: string;
  size: number;
}

/**
 * `POST /files` with the library purpose: the original of a knowledge document (PDF, DOCX, image, …) for
 * `knowledge.create({ agentId, fileId })`. Owners and admins, or the machine token.
 */
export async function uploadLibraryFile(
  options: { url: string; token: string },
  file: { agentId: string; name: string; mimeType: string; bytes: Uint8Array },
): Promise<UploadedFile> {
  const endpoint = trpcUrls(options.url).http.replace(/\/trpc$/, "/files");
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      authorization: `Bearer ${options.token}`,
      "content-type": file.mimeType,
      // Header values are Latin-1: the name travels percent-encoded, as the console sends it.
      "x-file-name": encodeURIComponent(file.name),
      "x-file-purpose": "library",
      "x-agent-id": file.agentId,
    },
    body: file.bytes,
  }).catch((error: unknown) => {
    throw new ApiError(`cannot reach ${endpoint}`, null, error);
  });
  const body = (await response.json().catch(() => null)) as {
    file?: UploadedFile;
    error?: { code?: string; message?: string };
  } | null;
  if (!response.ok || !body?.file) {
    const code = (body?.error?.code ?? "INTERNAL_SERVER_ERROR") as ApiErrorCode;
    throw new ApiError(body?.error?.message ?? `upload failed with HTTP ${response.status}`, {
      code,
      httpStatus: response.status,
    });
  }
  return body.file;
}
