import type { BindingErrorReason } from "@agents-crm/config/binding-errors";
import type { TwilioSenderProblem } from "@agents-crm/config/twilio";
import { WEBHOOK_PATHS } from "@agents-crm/config/webhook-secrets";
import type { ChannelBinding } from "@agents-crm/db";
import { GraphApiError } from "../../platforms/graph-api-call";
import { createInstagramGraphApi } from "../../platforms/instagram-graph-api";
import { TelegramApiError } from "../../platforms/telegram-bot-api";
import { createWhatsAppCloudApi } from "../../platforms/whatsapp-cloud-api";
import { recordAudit } from "../audit";
import type { StaffContext } from "../agents/agent-context";
import { newWebhookSecret, getBindingOrThrow } from "./save-binding";
import { telegramFor, telegramReason } from "./telegram";
import { verifyTwilio } from "./verify-twilio";
import { isTwilioBinding } from "../../channels/settings/twilio-credentials";

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
  | {
      status: "verified";
      /** The Instagram professional account or WhatsApp business number the token works for. */
      account: { id: string; username: string | null; name: string | null };
      /** Set for a WhatsApp binding sent through Twilio (the account is then Twilio's). */
      provider?: "twilio";
      /** Twilio: the sender checked, an online WhatsApp sender of the account or the shared sandbox. */
      sender?: { id: string; kind: "whatsapp_sender" | "sandbox" };
    }
  | {
      status: "verification_failed";
      reason: string;
      /** The reason as facts, for the console's words (absent: `reason` is the platform's own words). */
      errorReason?: BindingErrorReason;
      /** Twilio: the account is fine but the binding's sender is not one of its WhatsApp senders. */
      twilioSender?: { id: string; problem: TwilioSenderProblem; status: string | null };
    }
  /** The platform could not be asked; nothing is claimed. */
  | { status: "unverified"; reason: string };

const noAccessToken: VerifyOutcome = {
  status: "verification_failed",
  reason: "No access token is stored",
  errorReason: { kind: "no_access_token" },
};

export function telegramWebhookUrl(appUrl: string, bindingId: string): string {
  return `${appUrl.replace(/\/+$/, "")}${WEBHOOK_PATHS.telegram}${bindingId}`;
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
  if (!token) return noAccessToken;
  try {
    const me = await telegramFor(ctx.deps).getMe(token);
    if (String(me.id) !== binding.channelAccountId) {
      return {
        status: "verification_failed",
        reason: `The token belongs to bot ${me.id}, not the bound bot ${binding.channelAccountId}`,
        errorReason: {
          kind: "telegram_wrong_bot",
          botId: String(me.id),
          boundBotId: binding.channelAccountId,
        },
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

/** A Graph API read of the bound account with the stored token (Meta has no webhook to set per token). */
async function verifyMeta(ctx: StaffContext, binding: ChannelBinding): Promise<VerifyOutcome> {
  const token = await ctx.deps.repos.channelBindings.getAccessToken(binding.bindingId);
  if (!token) return noAccessToken;
  const { env } = ctx.deps;
  try {
    if (binding.channelType === "instagram") {
      const api = createInstagramGraphApi({ baseUrl: env.INSTAGRAM_GRAPH_BASE_URL });
      const account = await api.getAccount(token, binding.channelAccountId);
      return {
        status: "verified",
        account: { id: account.id, username: account.username ?? null, name: null },
      };
    }
    const api = createWhatsAppCloudApi({ baseUrl: env.WHATSAPP_GRAPH_BASE_URL });
    const number = await api.getPhoneNumber(token, binding.channelAccountId);
    return {
      status: "verified",
      account: {
        id: number.id,
        username: number.display_phone_number ?? null,
        name: number.verified_name ?? null,
      },
    };
  } catch (error) {
    if (!(error instanceof GraphApiError)) throw error;
    return error.isRetryable
      ? { status: "unverified", reason: error.description }
      : { status: "verification_failed", reason: error.description };
  }
}

/** Asks the platform whether the stored credentials work for the bound account. */
export async function verifyBinding(ctx: StaffContext, bindingId: string) {
  const binding = await getBindingOrThrow(ctx, bindingId);
  const outcome: VerifyOutcome =
    binding.channelType === "telegram"
      ? await verifyTelegram(ctx, binding)
      : isTwilioBinding(binding)
        ? await verifyTwilio(ctx, binding)
        : binding.channelType === "instagram" || binding.channelType === "whatsapp"
          ? await verifyMeta(ctx, binding)
          : { status: "unverified", reason: `${binding.channelType} has nothing to verify` };
  const bindings = ctx.deps.repos.channelBindings;
  if (outcome.status === "verified") {
    const username = "bot" in outcome ? outcome.bot.username : outcome.account.username;
    await bindings.update(bindingId, { isVerified: true, channelUsername: username ?? undefined });
    const webhook = "webhook" in outcome ? outcome.webhook : null;
    if (webhook?.status === "failed") {
      await bindings.recordError(bindingId, `Webhook: ${webhook.reason}`, {
        kind: "telegram_webhook",
        message: webhook.reason,
      });
    } else await bindings.recordError(bindingId, null);
  } else if (outcome.status === "verification_failed") {
    await bindings.update(bindingId, { isVerified: false });
    await bindings.recordError(bindingId, outcome.reason, outcome.errorReason);
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
