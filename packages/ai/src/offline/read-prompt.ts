import { TAGS, unescapeBlockText } from "../prompt/blocks";
import { PROFILE_HEADING, PROFILE_LABELS } from "../prompt/profile-section";
import type { ChatMessage } from "../providers/types";

export interface PromptExcerpt {
  id: string;
  title: string;
  content: string;
  /** The library document behind the excerpt, when it may be sent to customers. */
  sendableDocument?: string;
}

/** What the offline model understands of a turn's prompt (see `prompt/turn-messages.ts`). */
export interface ReadPrompt {
  doctor: string;
  clinic: string;
  context: Record<string, string>;
  excerpts: PromptExcerpt[];
  customer: string;
  /** The assistant's previous message, if any. */
  previousReply: string | null;
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(pattern)) last = match;
  return last;
}

function profileValue(system: string, label: string): string {
  const start = system.lastIndexOf(`${PROFILE_HEADING}\n`);
  if (start < 0) return "";
  const line = system
    .slice(start)
    .split("\n")
    .find((l) => l.startsWith(`${label}: `));
  return line ? line.slice(label.length + 2).trim() : "";
}

function blockBody(text: string, tag: string): string | null {
  const match = lastMatch(text, new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`, "g"));
  return match ? match[1]! : null;
}

export function readPrompt(messages: readonly ChatMessage[]): ReadPrompt {
  const system = messages.find((m) => m.role === "system")?.content ?? "";
  const lastUserIndex = messages.map((m) => m.role).lastIndexOf("user");
  const last = lastUserIndex >= 0 ? messages[lastUserIndex]!.content : "";
  const context: Record<string, string> = {};
  for (const line of (blockBody(last, TAGS.context) ?? "").split("\n")) {
    const colon = line.indexOf(": ");
    if (colon > 0) context[line.slice(0, colon)] = unescapeBlockText(line.slice(colon + 2));
  }
  const excerptPattern = new RegExp(
    `<${TAGS.excerpt} id="([^"]*)" title="([^"]*)"(?: sendable_document="([^"]*)")?>\\n([\\s\\S]*?)\\n</${TAGS.excerpt}>`,
    "g",
  );
  const excerpts = [...last.matchAll(excerptPattern)].map((match) => ({
    id: unescapeBlockText(match[1]!),
    title: unescapeBlockText(match[2]!),
    content: unescapeBlockText(match[4]!),
    ...(match[3] ? { sendableDocument: unescapeBlockText(match[3]) } : {}),
  }));
  const customerBody = blockBody(last, TAGS.customer);
  const previous = messages
    .slice(0, Math.max(0, lastUserIndex))
    .filter((m) => m.role === "assistant")
    .at(-1);
  return {
    doctor: profileValue(system, PROFILE_LABELS.doctor),
    clinic: profileValue(system, PROFILE_LABELS.clinic),
    context,
    excerpts,
    customer: customerBody === null ? last : unescapeBlockText(customerBody),
    previousReply: previous?.content ?? null,
  };
}
