import { parseModelAnswer } from "./model-answer";
import { ReplyExtractor } from "./reply-extractor";
import type { ModelAnswer } from "../prompt/output-contract";
import type { CallMetrics, ChatMessage, ChatProvider, ChatRequest } from "../providers/types";

export type ChatOutcome =
  | { kind: "answer"; answer: ModelAnswer; metrics: CallMetrics[]; retried: boolean }
  | { kind: "malformed"; problem: string; metrics: CallMetrics[] }
  | { kind: "failed"; error: unknown; metrics: CallMetrics[] };

/** Follows one attempt's reply text as it streams (e.g. to moderate it sentence by sentence). */
export interface ReplyWatcher {
  /** The reply decoded so far. */
  update(reply: string): void;
  /** The whole reply string, as soon as it closes (before the rest of the JSON). */
  complete(reply: string): void;
}

export interface ChatStepOptions {
  /** Yield the reply's text while it streams (off when the reply will be a template anyway). */
  streamDeltas: boolean;
  /** Called at the start of each attempt for a watcher of that attempt's reply. */
  watchReply?: () => ReplyWatcher;
}

function correctiveNote(problem: string): ChatMessage {
  // A user turn, not a second system message: several chat templates accept only one leading system message.
  return {
    role: "user",
    content:
      `[Note from the system, not from the customer] Your previous answer could not be used (${problem}). ` +
      "Answer again with only the JSON object described in the answer format.",
  };
}

/**
 * One chat call for reply + escalation, streamed. A malformed answer is retried once with a corrective
 * note; provider errors (already retried by the provider) end the step.
 */
export async function* chatForAnswer(
  chat: ChatProvider,
  request: ChatRequest,
  options: ChatStepOptions,
): AsyncGenerator<string, ChatOutcome> {
  const metrics: CallMetrics[] = [];
  let messages = request.messages;
  let emitted = false;
  for (let attempt = 1; ; attempt += 1) {
    const extractor = new ReplyExtractor();
    const streamThis = options.streamDeltas && !(attempt > 1 && emitted);
    let streamed = "";
    let content: string | null = null;
    let notified = false;
    const watcher = options.watchReply?.();
    try {
      for await (const chunk of chat.chatStream({ ...request, messages })) {
        if (chunk.type === "done") {
          content = chunk.result.content;
          metrics.push(chunk.result.metrics);
          continue;
        }
        streamed += chunk.text;
        const text = extractor.push(chunk.text);
        if (extractor.replyDone && !notified) {
          notified = true;
          watcher?.complete(extractor.reply);
        } else if (text) watcher?.update(extractor.reply);
        if (text && streamThis) {
          emitted = true;
          yield text;
        }
      }
    } catch (error) {
      return { kind: "failed", error, metrics };
    }
    const raw = content ?? streamed;
    const parsed = parseModelAnswer(raw);
    if (parsed.ok) return { kind: "answer", answer: parsed.answer, metrics, retried: attempt > 1 };
    if (attempt >= 2) return { kind: "malformed", problem: parsed.problem, metrics };
    messages = [
      ...request.messages,
      { role: "assistant", content: raw.slice(0, 4000) },
      correctiveNote(parsed.problem),
    ];
  }
}
