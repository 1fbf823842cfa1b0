import type { AgentConfig } from "@agents-crm/config/agent-config";
import { stripMarkdown } from "../postprocess/strip-markdown";
import type { CallMetrics } from "../providers/types";
import type { RetrievedSource } from "../rag/types";
import { detectCustomerLanguage, type TemplateLanguage } from "../rules/language";
import { clinicClock, isWithinWorkingHours } from "../rules/working-hours";
import { consoleTurnLogger } from "../turn/log-fields";
import { retrieve } from "../turn/retrieval-step";
import { CONTEXT_KEYS } from "../turn/turn-context";
import type { TurnDeps, TurnUsage } from "../turn/types";
import { summarizeUsage } from "../turn/usage";
import { offlineDraft } from "./offline-draft";
import { buildSuggestMessages, type CopilotMessage } from "./suggest-prompt";
import { fitTranscript, pendingCustomerMessages } from "./transcript-window";

export interface SuggestReplyInput {
  agentId: string;
  config: AgentConfig;
  /** The whole conversation, oldest first (it is cut to the newest that fit the prompt). */
  transcript: readonly CopilotMessage[];
  /** What the staff member already typed, if anything. */
  draft?: string;
  now?: Date;
  signal?: AbortSignal;
}

export type SuggestReplyEvent =
  | { type: "delta"; text: string }
  | {
      type: "result";
      /** The whole draft, Markdown flattened (channels show plain text). */
      text: string;
      sources: RetrievedSource[];
      language: TemplateLanguage;
      offline: boolean;
      usage: TurnUsage;
    };

/** The offline draft arrives in pieces too, so the composer behaves the same with and without a key. */
const OFFLINE_DELTA_CHARS = 12;

function contextFor(config: AgentConfig, language: TemplateLanguage, now: Date) {
  const open = isWithinWorkingHours(config, now);
  return {
    [CONTEXT_KEYS.language]: `${language} (judged from the script the customer writes in; if they write another language, use theirs)`,
    [CONTEXT_KEYS.clinicTime]: `${clinicClock(config.working_hours.timezone, now).label}, the clinic is ${open ? "open" : "closed now"}`,
  };
}

/**
 * A draft of the clinic's next message for a staff member, streamed: retrieval over what the customer
 * is waiting for, then one chat call (plain text, no JSON) — or the offline model when no LLM is set.
 * Nothing is stored or sent; stopping the iteration cancels the model call.
 */
export async function* suggestReply(
  input: SuggestReplyInput,
  deps: TurnDeps,
): AsyncGenerator<SuggestReplyEvent, void> {
  const controller = new AbortController();
  const cancel = () => controller.abort(input.signal?.reason);
  if (input.signal?.aborted) cancel();
  input.signal?.addEventListener("abort", cancel, { once: true });
  try {
    yield* draftEvents(input, deps, controller.signal);
  } finally {
    input.signal?.removeEventListener("abort", cancel);
    cancel();
  }
}

async function* draftEvents(
  input: SuggestReplyInput,
  deps: TurnDeps,
  signal: AbortSignal,
): AsyncGenerator<SuggestReplyEvent, void> {
  const startedAt = performance.now();
  const { config, agentId } = input;
  const logger = deps.logger ?? consoleTurnLogger;
  const transcript = fitTranscript(input.transcript);
  const pending = pendingCustomerMessages(transcript);
  const earlier = transcript.filter((m) => m.role === "user").map((m) => m.content);
  const language = detectCustomerLanguage(pending, earlier, config.profile.languages);
  const steps: CallMetrics[] = [];
  const query = pending.join("\n").trim();
  const retrieval = query
    ? await retrieve(deps.knowledge, config, query, { agentId, logger, signal })
    : { sources: config.rag.enabled ? [] : null, metrics: null };
  if (retrieval.metrics) steps.push(retrieval.metrics);
  const sources = retrieval.sources ?? [];
  const result = (text: string, used: RetrievedSource[]): SuggestReplyEvent => ({
    type: "result",
    text,
    sources: used,
    language,
    offline: deps.providers.offline,
    usage: summarizeUsage(steps, startedAt),
  });

  if (deps.providers.offline) {
    const previous = transcript.filter((m) => m.role !== "user").at(-1);
    const draft = offlineDraft({
      config,
      language,
      pending,
      previousReply: previous?.content ?? null,
      sources,
    });
    for (let at = 0; at < draft.text.length; at += OFFLINE_DELTA_CHARS) {
      yield { type: "delta", text: draft.text.slice(at, at + OFFLINE_DELTA_CHARS) };
    }
    yield result(draft.text, draft.sources);
    return;
  }

  let streamed = "";
  let content: string | null = null;
  for await (const chunk of deps.providers.chat.chatStream({
    model: config.llm.model,
    messages: buildSuggestMessages({
      config,
      transcript,
      knowledge: retrieval.sources,
      context: contextFor(config, language, input.now ?? new Date()),
      draft: input.draft,
    }),
    temperature: config.llm.temperature,
    maxOutputTokens: config.llm.max_output_tokens,
    timeoutMs: config.llm.timeout * 1000,
    signal,
  })) {
    if (chunk.type === "delta") {
      streamed += chunk.text;
      yield { type: "delta", text: chunk.text };
    } else {
      content = chunk.result.content;
      steps.push(chunk.result.metrics);
    }
  }
  yield result(stripMarkdown(content ?? streamed).trim(), sources);
}
