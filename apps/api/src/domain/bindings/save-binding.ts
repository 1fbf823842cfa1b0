import { randomBytes } from "node:crypto";
import type { Platform } from "@agents-crm/config/channels";
import type { ChannelBinding } from "@agents-crm/db";
import { botIdFromToken } from "../../platforms/telegram-bot-api";
import { conflict, invalidInput, notFound } from "../errors";
import { recordAudit } from "../audit";
import type { StaffContext } from "../agents/agent-context";
import { toBindingView, type BindingView } from "./binding-view";
import { telegramFor } from "./telegram";
import { isTwilioBinding } from "../../channels/settings/twilio-credentials";
import { twilioBindingProblems, twilioUpdate } from "./twilio-binding";

export interface CreateBindingInput {
  agentId: string;
  channelType: Platform;
  channelAccountId?: string;
  /** Optional only for Twilio bindings (the channel settings' auth token is then used). */
  accessToken?: string;
  appSecret?: string;
  channelUsername?: string;
  metadata?: Record<string, unknown>;
}

export interface UpdateBindingInput {
  bindingId: string;
  isActive?: boolean;
  /** Twilio bindings only: a new sender. */
  channelAccountId?: string;
  /** Null (Twilio bindings only): drop the binding's own auth token for the channel settings'. */
  accessToken?: string | null;
  appSecret?: string;
  channelUsername?: string;
  metadata?: Record<string, unknown>;
  expectedVersion?: number;
}

/** Telegram echoes it in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -). */
export const newWebhookSecret = () => randomBytes(32).toString("hex");

export async function getBindingOrThrow(
  ctx: StaffContext,
  bindingId: string,
): Promise<ChannelBinding> {
  const binding = await ctx.deps.repos.channelBindings.get(bindingId);
  if (!binding) {
    throw notFound(`Channel binding ${bindingId} not found`);
  }
  return binding;
}

/**
 * A Twilio binding's sender and account SID are checked; its own auth token is optional, and its
 * metadata says where the token comes from (`auth`), so no stand-in token is ever stored.
 */
function checkedInput(input: CreateBindingInput): CreateBindingInput {
  if (input.channelType === "whatsapp" && input.metadata?.provider === "twilio") {
    twilioBindingProblems(input.channelAccountId, input.metadata.accountSid);
    const auth = input.accessToken ? "binding" : "channel_settings";
    return { ...input, metadata: { ...input.metadata, auth } };
  }
  if (!input.accessToken) throw invalidInput("accessToken", "is required");
  return input;
}

/** A Telegram binding's account is its bot, whose id is the part of the token before the colon. */
function accountIdOf(input: CreateBindingInput): string {
  if (input.channelType !== "telegram") {
    if (!input.channelAccountId) {
      throw invalidInput("channelAccountId", `is required for ${input.channelType} bindings`);
    }
    return input.channelAccountId;
  }
  const botId = botIdFromToken(input.accessToken ?? "");
  if (!botId) throw invalidInput("accessToken", "is not a Telegram bot token (<bot id>:<secret>)");
  if (input.channelAccountId !== undefined && input.channelAccountId !== botId) {
    throw invalidInput("channelAccountId", `must be the bot id in the token (${botId})`);
  }
  return botId;
}

/** One active binding per platform account: webhooks route by account, so two would be ambiguous. */
async function assertAccountFree(
  ctx: StaffContext,
  channelType: Platform,
  accountId: string,
  exceptBindingId?: string,
): Promise<void> {
  const taken = (await ctx.deps.repos.channelBindings.findByAccount(channelType, accountId)).find(
    (b) => b.isActive && b.bindingId !== exceptBindingId,
  );
  if (taken) {
    throw conflict(
      `This ${channelType} account is already bound to agent ${taken.agentId} (binding ${taken.bindingId}); deactivate that binding first`,
    );
  }
}

async function assertAgentActive(ctx: StaffContext, agentId: string): Promise<void> {
  const agent = await ctx.deps.repos.agents.get(agentId);
  if (!agent) throw notFound(`Agent ${agentId} not found`);
  if (!agent.isActive)
    throw invalidInput("agentId", `agent ${agentId} is inactive: activate it first`);
}

export async function createBinding(
  ctx: StaffContext,
  given: CreateBindingInput,
): Promise<BindingView> {
  const input = checkedInput(given);
  await assertAgentActive(ctx, input.agentId);
  const channelAccountId = accountIdOf(input);
  await assertAccountFree(ctx, input.channelType, channelAccountId);
  const binding = await ctx.deps.repos.channelBindings.create({
    agentId: input.agentId,
    channelType: input.channelType,
    channelAccountId,
    channelUsername: input.channelUsername,
    accessToken: input.accessToken,
    secretMetadata: input.appSecret ? { app_secret: input.appSecret } : undefined,
    webhookSecret: input.channelType === "telegram" ? newWebhookSecret() : undefined,
    metadata: input.metadata,
    createdBy: ctx.principal.id,
  });
  const view = toBindingView(binding);
  await recordAudit(ctx, {
    action: "binding.create",
    resourceType: "channel_binding",
    resourceId: binding.bindingId,
    newValue: view,
    metadata: { agentId: binding.agentId, channelType: binding.channelType },
  });
  return view;
}

export async function updateBinding(
  ctx: StaffContext,
  input: UpdateBindingInput,
): Promise<BindingView> {
  const current = await getBindingOrThrow(ctx, input.bindingId);
  const twilio = isTwilioBinding(current) ? twilioUpdate(current, input) : null;
  if (!twilio) notTwilioOnly(input);
  if (twilio?.channelAccountId !== undefined && current.isActive) {
    await assertAccountFree(ctx, "whatsapp", twilio.channelAccountId, current.bindingId);
  }
  if (typeof input.accessToken === "string" && current.channelType === "telegram") {
    const botId = botIdFromToken(input.accessToken);
    if (botId !== current.channelAccountId) {
      throw invalidInput(
        "accessToken",
        `must be a token of bot ${current.channelAccountId}; bind another bot with a new binding`,
      );
    }
  }
  if (input.isActive === true && !current.isActive) {
    await assertAgentActive(ctx, current.agentId);
    await assertAccountFree(
      ctx,
      current.channelType as Platform,
      twilio?.channelAccountId ?? current.channelAccountId,
      current.bindingId,
    );
  }
  const updated = await ctx.deps.repos.channelBindings.update(input.bindingId, {
    isActive: input.isActive,
    accessToken: input.accessToken,
    secretMetadata: input.appSecret ? { app_secret: input.appSecret } : undefined,
    channelUsername: input.channelUsername,
    ...(twilio ? twilio : { metadata: input.metadata }),
    expectedVersion: input.expectedVersion,
  });
  const view = toBindingView(updated);
  await recordAudit(ctx, {
    action: "binding.update",
    resourceType: "channel_binding",
    resourceId: updated.bindingId,
    oldValue: toBindingView(current),
    newValue: view,
    metadata: {
      tokenChanged: input.accessToken !== undefined,
      appSecretChanged: input.appSecret !== undefined,
    },
  });
  return view;
}

/** A new account and dropping the own token are Twilio's: other bindings are re-made instead. */
function notTwilioOnly(input: UpdateBindingInput): void {
  if (input.channelAccountId !== undefined) {
    throw invalidInput(
      "channelAccountId",
      "only a Twilio WhatsApp binding's sender can change; bind another account with a new binding",
    );
  }
  if (input.accessToken === null) {
    throw invalidInput(
      "accessToken",
      "is required (only a Twilio binding can use Channel settings')",
    );
  }
  if (input.metadata?.provider === "twilio") {
    throw invalidInput("metadata.provider", "cannot change; connect Twilio with a new binding");
  }
}

/**
 * Removes the binding and its secrets. A Telegram bot's webhook is removed first (best effort), so
 * Telegram stops posting updates nobody will route.
 */
export async function deleteBinding(ctx: StaffContext, bindingId: string) {
  const current = await getBindingOrThrow(ctx, bindingId);
  let webhook: "removed" | "not_removed" | "not_applicable" = "not_applicable";
  if (current.channelType === "telegram") {
    const token = await ctx.deps.repos.channelBindings.getAccessToken(bindingId);
    webhook = "not_removed";
    if (token) {
      try {
        await telegramFor(ctx.deps).setWebhook(token, { url: "" });
        webhook = "removed";
      } catch (error) {
        ctx.deps.log.warn("telegram webhook not removed", { bindingId, error });
      }
    }
  }
  await ctx.deps.repos.channelBindings.delete(bindingId);
  await recordAudit(ctx, {
    action: "binding.delete",
    resourceType: "channel_binding",
    resourceId: bindingId,
    oldValue: toBindingView(current),
    metadata: { agentId: current.agentId, webhook },
  });
  return { bindingId, deleted: true as const, webhook };
}
