import type { ServerResponse } from "node:http";
import { defaultErrorBody, openAIError, sendJson } from "./fake-http";
import {
  sendCompletion,
  sendCompletionStream,
  toCompletion,
  type ChunkPace,
} from "./fake-openai-chat";
import type { FakePromptCache } from "./fake-prompt-cache";
import type { FakeChatRequest, FakeChatResponder } from "./fake-openai-types";

export interface ChatRouteSettings {
  responder: FakeChatResponder;
  /** response_format types this server refuses with a 400 (like many OpenAI-compatible servers). */
  rejectFormat: string[];
  /** Streams: total latency spread over the chunks (0 = none). */
  spreadLatencyMs: number;
  /** Streams with spread latency: the wait before the first chunk (the rest spreads over the others). */
  firstTokenMs?: number;
  promptCache: FakePromptCache;
}

/** Even spread, or the first piece after the model's time to first token and the rest evenly after it. */
function chunkPace(totalMs: number, pieces: number, firstTokenMs: number | undefined): ChunkPace {
  if (firstTokenMs === undefined) return () => totalMs / pieces;
  const first = Math.min(firstTokenMs, totalMs);
  const rest = pieces > 1 ? (totalMs - first) / (pieces - 1) : 0;
  return (index) => (index === 0 ? first : rest);
}

export async function answerChat(
  res: ServerResponse,
  chat: FakeChatRequest,
  settings: ChatRouteSettings,
): Promise<void> {
  const format = chat.responseFormat?.type;
  if (format !== undefined && settings.rejectFormat.includes(format)) {
    const message = `response_format.type '${format}' is not supported by this server`;
    sendJson(res, 400, openAIError(message, "invalid_request_error", null, "response_format"));
    return;
  }
  let reply;
  try {
    reply = await settings.responder(chat);
  } catch {
    sendJson(res, 500, defaultErrorBody(500));
    return;
  }
  if (typeof reply === "object" && "status" in reply) {
    sendJson(res, reply.status, reply.body ?? defaultErrorBody(reply.status), reply.headers);
    return;
  }
  const completion = toCompletion(reply, chat, (promptTokens) =>
    settings.promptCache.lookup(chat, promptTokens),
  );
  const model = chat.model || "gpt-4o-mini";
  if (!chat.stream) {
    sendCompletion(res, model, completion);
    return;
  }
  const pieces = Math.max(1, completion.chunks.length + completion.toolCalls.length);
  await sendCompletionStream(
    res,
    model,
    completion,
    chat.includeUsage,
    chunkPace(settings.spreadLatencyMs, pieces, settings.firstTokenMs),
  );
}
