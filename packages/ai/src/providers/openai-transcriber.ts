import { toFile } from "openai";
import { startDeadline } from "./call-deadline";
import { LlmError } from "./errors";
import { openAIConnection, type OpenAIConnectionOptions } from "./openai-connection";
import { withRetries } from "./retry";

/** Speech to text for customers' voice notes (OpenAI's `POST /v1/audio/transcriptions`). */
export interface Transcriber {
  readonly model: string;
  /** The words spoken; empty when the audio holds none. Throws LlmError (`retryable` says if a later try may work). */
  transcribe(
    audio: { bytes: Uint8Array; mimeType: string; name: string },
    signal?: AbortSignal,
  ): Promise<string>;
}

export interface OpenAITranscriberOptions extends OpenAIConnectionOptions {
  /** e.g. "whisper-1", "gpt-4o-mini-transcribe". */
  model: string;
}

/**
 * A multipart upload of the audio (`file` and `model`) answered with `{ text }`, with the same
 * connection, deadline and retries as the other calls to the model server.
 */
export function createOpenAITranscriber(options: OpenAITranscriberOptions): Transcriber {
  const connection = openAIConnection(options);
  const { model } = options;
  return {
    model,
    async transcribe(audio, signal) {
      const deadline = startDeadline(connection.timeoutMs, signal);
      try {
        const { value } = await withRetries({
          endpoint: "audio transcriptions",
          policy: connection.retry,
          deadline,
          attempt: async () =>
            connection.client.audio.transcriptions.create(
              {
                file: await toFile(audio.bytes, audio.name, { type: audio.mimeType }),
                model,
                response_format: "json",
              },
              { signal: deadline.signal },
            ),
        });
        const text: unknown = (value as { text?: unknown }).text;
        if (typeof text !== "string") {
          throw new LlmError("audio transcriptions: the response has no text", {
            kind: "malformed",
            retryable: false,
          });
        }
        return text.trim();
      } finally {
        deadline.dispose();
      }
    },
  };
}
