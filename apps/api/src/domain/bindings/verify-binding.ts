import type { ChannelBinding } from "@agents-crm/db";
import { TelegramApiError } from "../../platforms/telegram-bot-api";
import { recordAudit } from "../audit";
import type { StaffContext } from "../agents/agent-context";
import { newWebhookSecret, getBindingOrThrow } from "./save-binding";
import { telegramFor, telegramReason } from "./telegram";

export type WebhookOutcome =
  | { status: "set"; url: string }
  | { status: "not_configured"; reason: string }
  | { status: "failed"; url: string; reason: string };

export type VerifyOutcome =
  | {
      status: "verified";
      bot: { id: number; username: string | null };
      webhook: WebhookOutcome;
    }
  | { status: "verification_failed"; reason: string }
  /** The platform could not be asked; nothing is claimed. */
  | { status: "unverified"; reason: string };

export function telegramWebhookUrl(appUrl: string, bindingId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/v1/telegram/webhook/${bindingId}`;
}

async function registerWebhook(
  ctx: StaffContext,
  binding: ChannelBinding,
  token: string,
): Promise<WebhookOutcome> {
  const appUrl = ctx.deps.env.APP_URL;
  if (!appUrl) {
    return {
      status: "not_configured",
      reason: "APP_URL is not set, so Telegram has no address to post updates to",
    };
  }
  const url = telegramWebhookUrl(appUrl, binding.bindingId);
  const bindings = ctx.deps.repos.channelBindings;
  let secret = await bindings.getWebhookSecret(binding.bindingId);
  if (!secret) {
    secret = newWebhookSecret();
    await bindings.update(binding.bindingId, { webhookSecret: secret });
  }
  try {
    await telegramFor(ctx.deps).setWebhook(token, {
      url,
      secret_token: secret,
      // Reactions only arrive when asked for; the rest are the updates the webhook parser understands.
      allowed_updates: ["message", "edited_message", "message_reaction", "callback_query"],
    });
    return { status: "set", url };
  } catch (error) {
    if (!(error instanceof TelegramApiError)) throw error;
    return { status: "failed", url, reason: telegramReason(error) };
  }
}

/** getMe with the stored token (and the bot must be the bound one), then the webhook. */
async function verifyTelegram(ctx: StaffContext, binding: ChannelBinding): Promise<VerifyOutcome> {
  const token = await ctx.deps.repos.channelBindings.getAccessToken(binding.bindingId);
  if (!token) return { status: "verification_failed", reason: "No access token is stored" };
  try {
    const me = await telegramFor(ctx.deps).getMe(token);
    if (String(me.id) !== binding.channelAccountId) {
      return {
        status: "verification_failed",
        reason: `The token belongs to bot ${me.id}, not the bound bot ${binding.channelAccountId}`,
      };
    }
    const webhook = await registerWebhook(ctx, binding, token);
    return { status: "verified", bot: { id: me.id, username: me.username ?? null }, webhook };
  } catch (error) {
    if (!(error instanceof TelegramApiError)) throw error;
    if (error.errorCode === null) return { status: "unverified", reason: telegramReason(error) };
    return { status: "verification_failed", reason: telegramReason(error) };
  }
}

/**
 * Asks the platform whether the stored credentials work. Instagram and WhatsApp need a Graph API call,
 * which arrives with their channel clients: until then they stay unverified, with the reason.
 */
export async function verifyBinding(ctx: StaffContext, bindingId: string) {
  const binding = await getBindingOrThrow(ctx, bindingId);
  const outcome: VerifyOutcome =
    binding.channelType === "telegram"
      ? await verifyTelegram(ctx, binding)
      : {
          status: "unverified",
          reason: `${binding.channelType} credentials are checked with a Graph API call, which this server does not make yet; the token is stored encrypted`,
        };
  const bindings = ctx.deps.repos.channelBindings;
  if (outcome.status === "verified") {
    await bindings.update(bindingId, {
      isVerified: true,
      channelUsername: outcome.bot.username ?? undefined,
    });
    await bindings.recordError(
      bindingId,
      outcome.webhook.status === "failed" ? `Webhook: ${outcome.webhook.reason}` : null,
    );
  } else if (outcome.status === "verification_failed") {
    await bindings.update(bindingId, { isVerified: false });
    await bindings.recordError(bindingId, outcome.reason);
  }
  const isVerified = outcome.status === "verified";
  await recordAudit(ctx, {
    action: "binding.verify",
    resourceType: "channel_binding",
    resourceId: bindingId,
    oldValue: { isVerified: binding.isVerified },
    newValue: { isVerified: outcome.status === "unverified" ? binding.isVerified : isVerified },
    metadata: { outcome },
  });
  return {
    bindingId,
    isVerified: outcome.status === "unverified" ? binding.isVerified : isVerified,
    ...outcome,
  };
}
