import { translateText } from "@agents-crm/ai";
import type { TranslateTarget } from "@agents-crm/config/copilot";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import { NotFoundError } from "@agents-crm/db";
import { recordAudit } from "../audit";
import { invalidInput, preconditionFailed } from "../errors";
import type { StaffContext } from "../conversations/staff-context";
import { chargeCopilotCall } from "./copilot-budget";
import { copilotFailure } from "./copilot-failure";
import { agentConfigOf, conversationOf } from "./copilot-source";

export const TRANSLATION_NEEDS_MODEL =
  "Translation needs a configured model (OPENAI_API_KEY or OPENAI_BASE_URL)";

/** Customer messages shown to the model so it can tell which language "the customer's" is. */
const CUSTOMER_SAMPLES = 5;

export interface TranslateInput {
  conversationId: string;
  messageId?: string;
  text?: string;
  to: TranslateTarget;
}

async function customerSamples(ctx: StaffContext, conversationId: string): Promise<string[]> {
  const recent = await ctx.deps.repos.messages.lastN(conversationId, 50);
  return recent
    .filter((message) => message.role === "user" && message.content.trim() !== "")
    .slice(-CUSTOMER_SAMPLES)
    .map((message) => message.content);
}

/**
 * A message of the conversation (by id) or a draft (by text) in another language, for the staff member
 * only: nothing is stored or sent. There is no offline translation, so without a model it is refused
 * before anything is read.
 */
export async function translateForStaff(ctx: StaffContext, input: TranslateInput) {
  const { deps } = ctx;
  if (deps.llm.offline) throw preconditionFailed(TRANSLATION_NEEDS_MODEL);
  const conversation = await conversationOf(deps, input.conversationId);
  let text = input.text;
  if (input.messageId !== undefined) {
    const message = await deps.repos.messages.get(conversation.conversationId, input.messageId);
    // A staff note is never given to a model.
    if (!message || message.role === "system" || message.role === "note") {
      throw new NotFoundError("message", input.messageId);
    }
    text = message.content;
  }
  if (!text?.trim()) throw invalidInput("text", "there is nothing to translate");
  const config: AgentConfig | null = await agentConfigOf(deps, conversation.agentId).catch(
    () => null,
  );
  chargeCopilotCall(ctx);
  const samples =
    input.to === "customer" ? await customerSamples(ctx, conversation.conversationId) : [];
  let translation;
  try {
    translation = await translateText(
      {
        text,
        to: input.to,
        customerMessages: samples,
        // The agent's model, so a clinic that chose one pays for one; the server default otherwise.
        model: config?.llm.model ?? "",
        timeoutMs: config ? config.llm.timeout * 1000 : undefined,
      },
      deps.llm,
    );
  } catch (error) {
    throw copilotFailure(error);
  }
  const { metrics } = translation;
  const usage = {
    model: metrics.model,
    totalTokens: metrics.usage.totalTokens,
    costUsd: metrics.costUsd,
    latencyMs: Math.round(metrics.latencyMs),
  };
  deps.log.info("copilot translation", { conversationId: conversation.conversationId, ...usage });
  await recordAudit(ctx, {
    action: "translate",
    resourceType: "conversation",
    resourceId: conversation.conversationId,
    metadata: {
      ...usage,
      from: translation.from,
      to: translation.to,
      ...(input.messageId ? { messageId: input.messageId } : { draft: true }),
    },
  });
  return {
    text: translation.text,
    from: translation.from,
    to: translation.to,
    messageId: input.messageId ?? null,
  };
}
