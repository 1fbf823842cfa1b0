import { attachmentViewSchema, type AttachmentView } from "@agents-crm/config/attachments";

export interface UploadRequest {
  url: string;
  file: File;
  conversationId: string;
  onProgress: (fraction: number) => void;
}

/** Why an upload failed, in the API's words (its 4xx names the limit or the type). */
export class UploadError extends Error {
  override name = "UploadError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Sends one file to `POST /files` as a raw body (its type and name in headers), with upload progress —
 * which fetch cannot report, hence XMLHttpRequest. The session cookie goes along.
 */
export function uploadFile(request: UploadRequest): {
  done: Promise<AttachmentView>;
  abort: () => void;
} {
  const xhr = new XMLHttpRequest();
  const done = new Promise<AttachmentView>((resolve, reject) => {
    xhr.open("POST", request.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", request.file.type || "application/octet-stream");
    // Header values are ASCII: a Cyrillic file name travels percent-encoded.
    xhr.setRequestHeader("x-file-name", encodeURIComponent(request.file.name));
    xhr.setRequestHeader("x-conversation-id", request.conversationId);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const view = attachmentViewSchema.safeParse(
          body && typeof body === "object" && "file" in body ? body.file : body,
        );
        if (view.success) return resolve(view.data);
        return reject(new UploadError("unexpected answer", xhr.status));
      }
      // The API answers `{ error: { code, message } }`, the message naming the limit or the type.
      const error = body && typeof body === "object" && "error" in body ? body.error : null;
      const message =
        error &&
        typeof error === "object" &&
        "message" in error &&
        typeof error.message === "string"
          ? error.message
          : `HTTP ${xhr.status}`;
      reject(new UploadError(message, xhr.status));
    };
    xhr.onerror = () => reject(new UploadError("network error", 0));
    xhr.onabort = () => reject(new UploadError("aborted", 0));
    xhr.send(request.file);
  });
  return { done, abort: () => xhr.abort() };
}
