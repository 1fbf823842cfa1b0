import { suggestReply, type SuggestReplyEvent } from "@agents-crm/ai";
import type { SuggestionEvent } from "@agents-crm/config/copilot";
import { recordAudit } from "../audit";
import { preconditionFailed, upstreamFailed } from "../errors";
import type { StaffContext } from "../conversations/staff-context";
import { chargeCopilotCall } from "./copilot-budget";
import { copilotFailure } from "./copilot-failure";
import { agentConfigOf, conversationOf, copilotTranscript } from "./copilot-source";

type Result = Extract<SuggestReplyEvent, { type: "result" }>;

/**
 * A draft reply for the staff member, streamed: `start`, the draft's deltas, then `done` with the whole
 * cleaned draft. Nothing is stored or sent; an unsubscribing client stops the model call. Audited once
 * (a staff action that spends the clinic's money), with its cost and no text.
 */
export async function* suggestReplyEvents(
  ctx: StaffContext,
  input: { conversationId: string; draft?: string },
  signal: AbortSignal | undefined,
): AsyncGenerator<SuggestionEvent, void> {
  const { deps } = ctx;
  const conversation = await conversationOf(deps, input.conversationId);
  if (conversation.status === "CLOSED") throw preconditionFailed("The conversation is closed");
  const [config, transcript] = await Promise.all([
    agentConfigOf(deps, conversation.agentId),
    copilotTranscript(deps, conversation.conversationId),
  ]);
  chargeCopilotCall(ctx);

  const log = deps.log.child({ conversationId: conversation.conversationId });
  const startedAt = performance.now();
  let result: Result | null = null;
  yield {
    type: "start",
    offline: deps.llm.offline,
    model: deps.llm.offline ? "offline" : config.llm.model,
  };
  try {
    for await (const event of suggestReply(
      { agentId: conversation.agentId, config, transcript, draft: input.draft, signal },
      {
        providers: deps.llm,
        knowledge: deps.knowledge,
        logger: { warn: (m, f) => log.warn(m, f), error: (m, f) => log.error(m, f) },
      },
    )) {
      if (event.type === "delta") {
        if (event.text) yield { type: "delta", text: event.text };
      } else {
        result = event;
      }
    }
  } catch (error) {
    throw copilotFailure(error);
  } finally {
    await recordSuggestion(ctx, conversation.conversationId, result, startedAt).catch(
      (error: unknown) => log.warn("copilot suggestion not audited", { error }),
    );
  }
  if (!result || result.text === "") throw upstreamFailed("The model returned an empty draft");
  yield {
    type: "done",
    text: result.text,
    sources: result.sources.map((source) => ({ sourceId: source.sourceId, title: source.title })),
  };
}

/** The audit entry and a log line with the call's cost; a stopped suggestion is recorded as stopped. */
async function recordSuggestion(
  ctx: StaffContext,
  conversationId: string,
  result: Result | null,
  startedAt: number,
): Promise<void> {
  const usage = result
    ? {
        model: result.usage.steps.find((step) => step.step === "chat")?.model ?? "offline",
        totalTokens: result.usage.totalTokens,
        costUsd: result.usage.costUsd,
        latencyMs: Math.round(result.usage.latencyMs),
        offline: result.offline,
      }
    : { latencyMs: Math.round(performance.now() - startedAt), stopped: true };
  ctx.deps.log.info("copilot suggestion", { conversationId, ...usage });
  await recordAudit(ctx, {
    action: "suggest_reply",
    resourceType: "conversation",
    resourceId: conversationId,
    metadata: usage,
  });
}
