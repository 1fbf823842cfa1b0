/**
 * Sends one file to `POST /files` as a raw body with the library purpose (the agent's id in a header),
 * with upload progress; resolves to the stored file's id.
 */
export function uploadLibraryFile(request: {
  url: string;
  file: File;
  agentId: string;
  onProgress: (fraction: number) => void;
}): Promise<string> {
  const xhr = new XMLHttpRequest();
  return new Promise<string>((resolve, reject) => {
    xhr.open("POST", request.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", request.file.type || "application/octet-stream");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(request.file.name));
    xhr.setRequestHeader("x-file-purpose", "library");
    xhr.setRequestHeader("x-agent-id", request.agentId);
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
      const record = (body && typeof body === "object" && "file" in body ? body.file : body) as {
        fileId?: unknown;
        message?: unknown;
        error?: unknown;
      } | null;
      if (xhr.status >= 200 && xhr.status < 300 && typeof record?.fileId === "string")
        return resolve(record.fileId);
      const error = record?.error;
      const message =
        typeof error === "string"
          ? error
          : error &&
              typeof error === "object" &&
              "message" in error &&
              typeof error.message === "string"
            ? error.message
            : typeof record?.message === "string"
              ? record.message
              : `HTTP ${xhr.status}`;
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.send(request.file);
  });
}
