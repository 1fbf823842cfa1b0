import type { ServerResponse } from "node:http";
import { delay, fakeTokens, sendJson } from "./fake-http";
import type { FakeChatReply, FakeChatRequest, FakeToolCall, FakeUsage } from "./fake-openai-types";

interface Completion {
  content: string | null;
  chunks: string[];
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: string;
  usage: FakeUsage | null;
  dropAfterChunks: number | undefined;
}

let sequence = 0;

/** Milliseconds to wait before the streamed piece at this index (tool call or content chunk). */
export type ChunkPace = (index: number) => number;

/** `cachedTokens` answers how much of a prompt the provider's cache would serve (see fake-prompt-cache). */
export function toCompletion(
  reply: Exclude<FakeChatReply, { status: number }>,
  request: FakeChatRequest,
  cachedTokens: (promptTokens: number) => number = () => 0,
): Completion {
  const normalised = typeof reply === "string" ? { content: reply } : reply;
  const toolCalls = "toolCalls" in normalised ? normalised.toolCalls.map(toolCall) : [];
  const content =
    "json" in normalised
      ? JSON.stringify(normalised.json)
      : "content" in normalised && normalised.content !== undefined
        ? normalised.content
        : null;
  const promptChars = request.messages.reduce((sum, m) => sum + m.content.length, 0);
  const promptTokens = fakeTokens("x".repeat(promptChars));
  const defaultUsage = {
    promptTokens,
    completionTokens: fakeTokens(content ?? toolCalls.map((c) => c.arguments).join("")),
    cachedTokens: cachedTokens(promptTokens),
  };
  return {
    content,
    chunks:
      "chunks" in normalised && normalised.chunks ? normalised.chunks : splitWords(content ?? ""),
    toolCalls,
    finishReason: normalised.finishReason ?? (toolCalls.length > 0 ? "tool_calls" : "stop"),
    usage: normalised.usage === undefined ? defaultUsage : normalised.usage,
    dropAfterChunks: "dropAfterChunks" in normalised ? normalised.dropAfterChunks : undefined,
  };
}

function toolCall(call: FakeToolCall, index: number) {
  return {
    id: call.id ?? `call_fake_${index}`,
    name: call.name,
    arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
  };
}

function splitWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function apiUsage(usage: FakeUsage) {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

export function sendCompletion(res: ServerResponse, model: string, completion: Completion): void {
  sendJson(res, 200, {
    id: `chatcmpl-fake-${++sequence}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: completion.content,
          refusal: null,
          annotations: [],
          ...(completion.toolCalls.length > 0
            ? {
                tool_calls: completion.toolCalls.map((c) => ({
                  id: c.id,
                  type: "function",
                  function: { name: c.name, arguments: c.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: completion.finishReason,
      },
    ],
    ...(completion.usage ? { usage: apiUsage(completion.usage) } : {}),
    service_tier: "default",
    system_fingerprint: "fp_fake",
  });
}

/**
 * Server-sent events as OpenAI sends them: a role chunk, content (or tool-call) deltas, a chunk with
 * the finish reason, with include_usage a last chunk with empty choices and the usage, then [DONE].
 */
export async function sendCompletionStream(
  res: ServerResponse,
  model: string,
  completion: Completion,
  includeUsage: boolean,
  pace: ChunkPace,
): Promise<void> {
  const id = `chatcmpl-fake-${++sequence}`;
  const created = Math.floor(Date.now() / 1000);
  const write = async (choices: unknown[], usage?: FakeUsage): Promise<void> => {
    if (res.destroyed) return;
    const chunk = {
      id,
      object: "chat.completion.chunk",
      created,
      model,
      service_tier: "default",
      system_fingerprint: "fp_fake",
      choices,
      ...(includeUsage ? { usage: usage ? apiUsage(usage) : null } : {}),
    };
    // Waiting for the flush keeps chunk timing honest and lets a later drop cut only what follows.
    await new Promise<void>((resolve) =>
      res.write(`data: ${JSON.stringify(chunk)}\n\n`, () => resolve()),
    );
  };
  const choice = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finishReason,
  });

  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
  });
  await write([
    choice({
      role: "assistant",
      content: completion.toolCalls.length > 0 ? null : "",
      refusal: null,
    }),
  ]);
  let piece = 0;
  for (const [index, call] of completion.toolCalls.entries()) {
    await delay(pace(piece++));
    await write([
      choice({
        tool_calls: [
          { index, id: call.id, type: "function", function: { name: call.name, arguments: "" } },
        ],
      }),
    ]);
    await write([choice({ tool_calls: [{ index, function: { arguments: call.arguments } }] })]);
  }
  for (const [index, text] of completion.chunks.entries()) {
    if (completion.dropAfterChunks !== undefined && index >= completion.dropAfterChunks) {
      res.destroy();
      return;
    }
    await delay(pace(piece++));
    await write([choice({ content: text })]);
  }
  await write([choice({}, completion.finishReason)]);
  if (includeUsage && completion.usage) await write([], completion.usage);
  if (!res.destroyed) res.end("data: [DONE]\n\n");
}
