import type { IncomingMessage } from "node:http";
import { openAIError } from "./fake-http";

/** What the fake heard: the parts of one multipart upload, as OpenAI's server reads them. */
export interface FakeTranscriptionRequest {
  model: string;
  fileName: string;
  fileType: string;
  fileBytes: Uint8Array;
  responseFormat: string;
}

/** Scripts the words the fake "hears" in an upload (default: a fixed sentence naming the file size). */
export type FakeTranscriber = (request: FakeTranscriptionRequest) => string;

export const defaultTranscript: FakeTranscriber = (request) =>
  `Voice note of ${request.fileBytes.length} bytes`;

/**
 * Parses a `multipart/form-data` body for `POST /v1/audio/transcriptions`: `file` (the audio) and
 * `model` are required, `response_format` defaults to json (see OpenAI's API reference, "Create
 * transcription": https://platform.openai.com/docs/api-reference/audio/createTranscription).
 * Returns the request, or the 400 body OpenAI sends for a missing part.
 */
export async function parseTranscriptionRequest(
  req: IncomingMessage,
  raw: Buffer,
): Promise<{ request: FakeTranscriptionRequest } | { error: unknown }> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("multipart/form-data")) {
    return { error: openAIError("Expected a multipart/form-data body", "invalid_request_error") };
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": type },
    }).formData();
  } catch {
    return { error: openAIError("Could not parse multipart form", "invalid_request_error") };
  }
  const file = form.get("file");
  const model = form.get("model");
  if (!(file instanceof File)) {
    return {
      error: openAIError("'file' is a required property", "invalid_request_error", null, "file"),
    };
  }
  if (typeof model !== "string" || model === "") {
    return {
      error: openAIError("'model' is a required property", "invalid_request_error", null, "model"),
    };
  }
  const format = form.get("response_format");
  return {
    request: {
      model,
      fileName: file.name,
      fileType: file.type,
      fileBytes: new Uint8Array(await file.arrayBuffer()),
      responseFormat: typeof format === "string" ? format : "json",
    },
  };
}
