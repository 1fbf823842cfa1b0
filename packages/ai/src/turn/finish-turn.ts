import { extractCustomerName, isPlausibleName } from "../contacts/extract-name";
import { splitForChannel } from "../postprocess/split-for-channel";
import type { ModelAnswer } from "../prompt/output-contract";
import type { EscalationDecision } from "./decide-escalation";
import { summarizeHandoff } from "./handoff-summary";
import { escalationText } from "./templates";
import type { TurnState } from "./turn-state";
import type { TurnEvent, TurnResult } from "./types";
import { summarizeUsage } from "./usage";

export type TurnOutcome = Pick<TurnResult, "reply" | "sources"> & {
  escalation: EscalationDecision;
};

/** The turn's result event: the reply plus the handoff summary, usage, flags and triggers. */
export function finishTurn(
  state: TurnState,
  result: TurnOutcome,
  answer: ModelAnswer | null = null,
): TurnEvent {
  const { inputCheck, steps, rules } = state;
  return {
    type: "result",
    result: {
      ...result,
      escalation: {
        ...result.escalation,
        summary: result.escalation.needed
          ? summarizeHandoff({
              escalation: result.escalation,
              answer,
              messages: state.messages,
              hits: rules.hits,
              contacts: rules.contacts,
            })
          : null,
      },
      contacts: rules.contacts,
      ...customerNameOf(state, answer),
      usage: summarizeUsage(
        inputCheck.verdict?.metrics ? [inputCheck.verdict.metrics, ...steps] : steps,
        state.startedAt,
      ),
      flags: state.flags,
      language: state.language,
      triggers: rules.hits,
    },
  };
}

/**
 * The name the customer gave: from the model's answer when a model answered (the same structured call,
 * never a second one), else by rules (the offline model, or no usable answer).
 */
function customerNameOf(
  state: TurnState,
  answer: ModelAnswer | null,
): Pick<TurnResult, "customerName"> {
  const name =
    answer && !state.flags.offline
      ? answer.customer_name
      : (extractCustomerName(state.messages.join("\n")) ?? undefined);
  return name && isPlausibleName(name) ? { customerName: name.trim() } : {};
}

export function replyOf(state: TurnState, value: string): NonNullable<TurnResult["reply"]> {
  return { text: value, parts: splitForChannel(value, state.input.channel) };
}

function moderationBlocked(
  state: TurnState,
  reason: string,
  sources: TurnResult["sources"],
  answer: ModelAnswer | null = null,
): TurnEvent {
  state.flags.moderationFlagged = true;
  return finishTurn(
    state,
    {
      reply: replyOf(state, escalationText(state.config, "moderation", state.language)),
      escalation: { needed: true, type: "moderation", reason, confidence: 1, source: "moderation" },
      sources,
    },
    answer,
  );
}

export function inputBlocked(state: TurnState): TurnEvent {
  const category = state.inputCheck.verdict?.category ?? "unspecified";
  return moderationBlocked(
    state,
    `The customer's message was flagged by moderation (${category})`,
    [],
  );
}

export function outputBlocked(
  state: TurnState,
  category: string | null,
  sources: TurnResult["sources"],
  answer: ModelAnswer | null = null,
): TurnEvent {
  const reason = `The generated reply was flagged by moderation (${category ?? "unspecified"})`;
  return moderationBlocked(state, reason, sources, answer);
}
