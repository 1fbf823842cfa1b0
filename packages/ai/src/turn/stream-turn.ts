import { stripMarkdown } from "../postprocess/strip-markdown";
import { splitForChannel } from "../postprocess/split-for-channel";
import { MODEL_ANSWER_FORMAT, type ModelAnswer } from "../prompt/output-contract";
import { buildTurnMessages } from "../prompt/turn-messages";
import type { CallMetrics } from "../providers/types";
import { evaluateRules } from "../rules/evaluate-rules";
import { detectCustomerLanguage } from "../rules/language";
import { isWithinWorkingHours } from "../rules/working-hours";
import { chatForAnswer, type ChatOutcome } from "./chat-step";
import { decideEscalation, toTurnEscalation, type EscalationDecision } from "./decide-escalation";
import { handoffText } from "./handoff-reply";
import { summarizeHandoff } from "./handoff-summary";
import { consoleTurnLogger, errorFields } from "./log-fields";
import { guardedChat } from "./guarded-chat";
import type { ModerationVerdict } from "./moderation-step";
import { preparationKey, startPreparation } from "./prepare-turn";
import {
  answerWantsAfterHoursNote,
  handoffWantsAfterHoursNote,
  usedSources,
  withAfterHoursNote,
} from "./reply-details";
import { escalationText, llmErrorText } from "./templates";
import { turnContext } from "./turn-context";
import type { TurnDeps, TurnEvent, TurnInput, TurnResult } from "./types";
import { outputVerdict, streamedModeration, type StreamedModeration } from "./streamed-moderation";
import { summarizeUsage } from "./usage";

function moderationEscalation(reason: string): EscalationDecision {
  return { needed: true, type: "moderation", reason, confidence: 1, source: "moderation" };
}

function failureOf(outcome: ChatOutcome): string | null {
  if (outcome.kind === "answer") return null;
  if (outcome.kind === "malformed") return `malformed answer: ${outcome.problem}`;
  const kind = (outcome.error as { kind?: unknown } | null)?.kind;
  return typeof kind === "string" ? kind : "error";
}

/**
 * One agent turn, streamed. Input moderation and retrieval start together (the keyword and contact
 * rules are synchronous); ONE chat call, returning reply + escalation, starts as soon as the knowledge
 * is in, while input moderation may still run (nothing streams out until it clears). Output moderation
 * checks the reply sentence by sentence as it streams, so after the reply string closes only its last
 * sentences are still being checked.
 */
export async function* streamTurn(
  input: TurnInput,
  deps: TurnDeps,
): AsyncGenerator<TurnEvent, void> {
  // A consumer that stops listening (the customer left, an admin took over) cancels the model calls.
  const controller = new AbortController();
  const cancel = () => controller.abort(input.signal?.reason);
  if (input.signal?.aborted) cancel();
  input.signal?.addEventListener("abort", cancel, { once: true });
  let finished = false;
  try {
    for await (const event of turnEvents(input, deps, controller.signal)) {
      if (event.type === "result") finished = true;
      yield event;
    }
  } finally {
    input.signal?.removeEventListener("abort", cancel);
    if (!finished) cancel();
  }
}

async function* turnEvents(
  input: TurnInput,
  deps: TurnDeps,
  signal: AbortSignal,
): AsyncGenerator<TurnEvent, void> {
  const startedAt = performance.now();
  const { config, agentId } = input;
  const logger = deps.logger ?? consoleTurnLogger;
  const now = input.now ?? new Date();
  const messages = input.messages
    .map((message) => message.trim())
    .filter((message) => message !== "");
  const earlier = input.history
    .filter((message) => message.role === "user")
    .map((message) => message.content);
  const language = detectCustomerLanguage(messages, earlier, config.profile.languages);
  const text = messages.join("\n");
  const rules = evaluateRules(config, text);
  const open = isWithinWorkingHours(config, now);
  const steps: CallMetrics[] = [];
  const flags: TurnResult["flags"] = {
    offline: deps.providers.offline,
    ...(open ? {} : { afterHours: true }),
  };
  // Input moderation's verdict, once in (it may arrive while the chat call streams).
  const inputCheck: { verdict: ModerationVerdict | null } = { verdict: null };
  const finish = (
    result: Pick<TurnResult, "reply" | "sources"> & { escalation: EscalationDecision },
    answer: ModelAnswer | null = null,
  ): TurnEvent => ({
    type: "result",
    result: {
      ...result,
      escalation: {
        ...result.escalation,
        summary: result.escalation.needed
          ? summarizeHandoff({
              escalation: result.escalation,
              answer,
              messages,
              hits: rules.hits,
              contacts: rules.contacts,
            })
          : null,
      },
      contacts: rules.contacts,
      usage: summarizeUsage(
        inputCheck.verdict?.metrics ? [inputCheck.verdict.metrics, ...steps] : steps,
        startedAt,
      ),
      flags,
      language,
      triggers: rules.hits,
    },
  });
  const replyOf = (value: string) => ({
    text: value,
    parts: splitForChannel(value, input.channel),
  });
  const moderating = { agentId, logger, signal };
  const outputBlocked = (
    category: string | null,
    sources: TurnResult["sources"],
    answer: ModelAnswer | null = null,
  ): TurnEvent => {
    flags.moderationFlagged = true;
    const reason = `The generated reply was flagged by moderation (${category ?? "unspecified"})`;
    return finish(
      {
        reply: replyOf(escalationText(config, "moderation", language)),
        escalation: moderationEscalation(reason),
        sources,
      },
      answer,
    );
  };

  if (messages.length === 0) {
    yield finish({ reply: null, escalation: toTurnEscalation(null, null), sources: [] });
    return;
  }

  const postModeration = config.moderation.enabled && config.moderation.mode !== "pre";
  const prepared = input.prepared;
  const reusable =
    prepared && !prepared.cancelled && prepared.key === preparationKey(agentId, config, text);
  const calls = reusable
    ? prepared.calls
    : startPreparation({ agentId, config, text }, deps, { logger, signal });
  // The chat call waits for the knowledge, not for input moderation: that only gates what streams out.
  const pre = calls.pre.then((verdict) => (inputCheck.verdict = verdict));
  const retrieval = await calls.retrieval;
  if (retrieval.metrics) steps.push(retrieval.metrics);
  const retrieved = retrieval.sources ?? [];
  const inputBlocked = (): TurnEvent => {
    flags.moderationFlagged = true;
    const reason = `The customer's message was flagged by moderation (${inputCheck.verdict?.category ?? "unspecified"})`;
    return finish({
      reply: replyOf(escalationText(config, "moderation", language)),
      escalation: moderationEscalation(reason),
      sources: [],
    });
  };
  if (inputCheck.verdict?.flagged) {
    yield inputBlocked();
    return;
  }

  const rulesEscalate =
    decideEscalation({
      config,
      open,
      answer: null,
      failure: null,
      ruleCandidates: rules.candidates,
    }) !== null;
  // Output moderation of the attempt that streams now (a retried answer gets a fresh one).
  const output: { watcher: StreamedModeration | null } = { watcher: null };
  const chatStop = new AbortController();
  const chat = chatForAnswer(
    deps.providers.chat,
    {
      model: config.llm.model,
      messages: buildTurnMessages({
        config,
        history: input.history,
        messages,
        knowledge: retrieval.sources,
        context: turnContext({ config, language, now, open, rules }),
      }),
      temperature: config.llm.temperature,
      maxOutputTokens: config.llm.max_output_tokens,
      timeoutMs: config.llm.timeout * 1000,
      responseSchema: MODEL_ANSWER_FORMAT,
      signal: AbortSignal.any([signal, chatStop.signal]),
    },
    {
      streamDeltas: !rulesEscalate,
      watchReply:
        postModeration && !rulesEscalate
          ? () =>
              (output.watcher = streamedModeration(deps.providers.moderator, config, moderating))
          : undefined,
    },
  );
  const guarded = guardedChat(chat, {
    input: pre,
    outputFlagged: () => output.watcher?.flagged === true,
    stop: () => chatStop.abort(),
  });
  let step = await guarded.next();
  while (!step.done) {
    yield { type: "delta", text: step.value };
    step = await guarded.next();
  }
  if (step.value.kind === "blocked") {
    if (step.value.stage === "input") {
      yield inputBlocked();
      return;
    }
    const verdict = await output.watcher!.verdict();
    steps.push(...verdict.metrics);
    yield outputBlocked(verdict.category, []);
    return;
  }
  const outcome = step.value.outcome;
  steps.push(...outcome.metrics);
  const answer: ModelAnswer | null = outcome.kind === "answer" ? outcome.answer : null;
  if (outcome.kind === "answer" && outcome.retried) flags.retried = true;
  const failure = failureOf(outcome);
  if (outcome.kind === "failed" && !signal.aborted) {
    (logger.error ?? logger.warn)("chat call failed; the customer gets the fallback text", {
      agentId,
      ...errorFields(outcome.error),
    });
  } else if (outcome.kind === "malformed") {
    logger.warn("the model answered malformed output twice; the customer gets the fallback text", {
      agentId,
    });
  }
  if (failure !== null) flags.fallback = true;

  const sources = usedSources(answer, retrieved);
  const modelText = answer ? stripMarkdown(answer.reply) : "";
  let chosen = decideEscalation({
    config,
    open,
    answer,
    failure,
    ruleCandidates: rules.candidates,
  });
  if (!chosen && modelText === "") {
    flags.fallback = true;
    chosen = {
      type: "custom",
      reason: "The model's reply was empty",
      confidence: 1,
      source: "error",
    };
  }
  if (chosen) {
    const handoff =
      chosen.source === "error" && chosen.type === "custom"
        ? llmErrorText(config, language)
        : handoffText(config, language, rules.candidates, chosen.type, answer);
    const textOut = handoffWantsAfterHoursNote(open, chosen.type)
      ? withAfterHoursNote(config, handoff, language, input.history)
      : handoff;
    yield finish(
      { reply: replyOf(textOut), escalation: toTurnEscalation(chosen, answer), sources },
      answer,
    );
    return;
  }

  if (postModeration && answer) {
    const verdict = await outputVerdict(output.watcher, answer.reply, () =>
      streamedModeration(deps.providers.moderator, config, moderating),
    );
    steps.push(...verdict.metrics);
    if (verdict.flagged) {
      yield outputBlocked(verdict.category, sources, answer);
      return;
    }
  }
  const textOut = answerWantsAfterHoursNote(open, rules.candidates, answer)
    ? withAfterHoursNote(config, modelText, language, input.history)
    : modelText;
  yield finish({ reply: replyOf(textOut), escalation: toTurnEscalation(null, answer), sources });
}
