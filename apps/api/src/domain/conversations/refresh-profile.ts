import { randomUUID } from "node:crypto";
import type { Conversation } from "@agents-crm/db";
import { NotFoundError } from "@agents-crm/db";
import { resolveTarget } from "../../channels/delivery/delivery-target";
import { PermanentDeliveryError } from "../../channels/delivery/delivery-errors";
import type { ApiDeps } from "../../deps";
import { createInstagramGraphApi } from "../../platforms/instagram-graph-api";
import { createTelegramBotApi } from "../../platforms/telegram-bot-api";
import { recordAudit } from "../audit";
import { DomainError, preconditionFailed, upstreamFailed } from "../errors";
import { emitConversationChanged } from "./emit";
import type { StaffContext } from "./staff-context";

/** One refresh per conversation per minute, across the cluster: staff cannot hammer the platform. */
export const PROFILE_REFRESH_COOLDOWN_MS = 60_000;
const PLATFORM_TIMEOUT_MS = 10_000;

export interface RefreshedProfile {
  name: string | null;
  username: string | null;
  pictureUrl: string | null;
  refreshedAt: string;
}

interface PlatformProfile {
  name?: string;
  username?: string;
  pictureUrl?: string;
}

/**
 * Reads the customer's profile from the platform now (the reference's refresh-profile): Instagram's
 * name, username and picture, Telegram's getChat name and username. WhatsApp has no profile API (the name
 * comes with each webhook) and web chat visitors have no platform profile: both are refused clearly. The
 * result replaces the cached Instagram profile and the contact's identity, is audited, and every open
 * console re-reads the conversation.
 */
export async function refreshCustomerProfile(
  ctx: StaffContext,
  input: { conversationId: string },
): Promise<RefreshedProfile> {
  const { deps } = ctx;
  const conversation = await deps.repos.conversations.get(input.conversationId);
  if (!conversation) throw new NotFoundError("conversation", input.conversationId);
  refuseUnsupported(conversation);
  await holdCooldown(deps, conversation.conversationId);

  const profile = await readPlatformProfile(deps, conversation);
  const refreshedAt = new Date().toISOString();
  await storeProfile(deps, conversation, profile, refreshedAt);
  await recordAudit(ctx, {
    action: "conversation.refresh_profile",
    resourceType: "conversation",
    resourceId: conversation.conversationId,
    newValue: { name: profile.name ?? null, username: profile.username ?? null },
    metadata: { channel: conversation.channel },
  });
  await emitConversationChanged(deps.hub, conversation, "profile", {
    actorId: ctx.principal.id,
  });
  return {
    name: profile.name ?? null,
    username: profile.username ?? null,
    pictureUrl: profile.pictureUrl ?? null,
    refreshedAt,
  };
}

function refuseUnsupported(conversation: Conversation): void {
  switch (conversation.channel) {
    case "instagram":
    case "telegram":
      if (!conversation.externalUserId) {
        throw preconditionFailed("this conversation has no platform user to read a profile of");
      }
      return;
    case "whatsapp":
      throw preconditionFailed(
        "WhatsApp has no profile API: the customer's name comes with their latest message",
      );
    case "web_chat":
      throw preconditionFailed("web chat visitors have no platform profile to refresh");
  }
}

async function holdCooldown(deps: Pick<ApiDeps, "repos">, conversationId: string): Promise<void> {
  // A fresh holder each time: a lease that is "already ours" would otherwise let the same replica through.
  const acquired = await deps.repos.leases.tryAcquire({
    name: `profile-refresh:${conversationId}`,
    holder: randomUUID(),
    ttlMs: PROFILE_REFRESH_COOLDOWN_MS,
  });
  if (!acquired) {
    throw new DomainError("TOO_MANY_REQUESTS", "this profile was refreshed a moment ago", {
      retryAfterSeconds: PROFILE_REFRESH_COOLDOWN_MS / 1000,
      retryScope: "action",
    });
  }
}

async function readPlatformProfile(
  deps: Pick<ApiDeps, "repos" | "env" | "log">,
  conversation: Conversation,
): Promise<PlatformProfile> {
  let token: string;
  try {
    const { target } = await resolveTarget(deps.repos, conversation);
    if (target.provider === "twilio") throw preconditionFailed("WhatsApp has no profile API");
    token = target.token;
  } catch (error) {
    if (error instanceof PermanentDeliveryError) throw preconditionFailed(error.message);
    throw error;
  }
  const userId = conversation.externalUserId!;
  try {
    if (conversation.channel === "instagram") {
      const graph = createInstagramGraphApi({
        baseUrl: deps.env.INSTAGRAM_GRAPH_BASE_URL,
        timeoutMs: PLATFORM_TIMEOUT_MS,
      });
      const found = await graph.getProfile(token, userId);
      return { name: found.name, username: found.username, pictureUrl: found.profile_pic };
    }
    const telegram = createTelegramBotApi({
      baseUrl: deps.env.TELEGRAM_API_BASE_URL,
      timeoutMs: PLATFORM_TIMEOUT_MS,
    });
    const chat = await telegram.getChat(token, userId);
    const name = [chat.first_name, chat.last_name].filter(Boolean).join(" ") || chat.title;
    return { name: name || undefined, username: chat.username };
  } catch (error) {
    deps.log.warn("customer profile not read", {
      conversationId: conversation.conversationId,
      channel: conversation.channel,
      error,
    });
    const reason = error instanceof Error ? error.message : String(error);
    throw upstreamFailed(`the platform did not return the profile: ${reason}`, error);
  }
}

async function storeProfile(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
  profile: PlatformProfile,
  refreshedAt: string,
): Promise<void> {
  const { repos } = deps;
  const externalUserId = conversation.externalUserId!;
  if (conversation.channel === "instagram") {
    await repos.instagramProfiles.put({
      externalUserId,
      name: profile.name,
      username: profile.username,
      profilePic: profile.pictureUrl,
    });
  }
  await repos.searchIndex.indexConversation(conversation, {
    names: [profile.name, profile.username],
  });
  if (!conversation.contactId) return;
  await repos.contacts.refreshIdentity(conversation.contactId, {
    channel: conversation.channel,
    agentId: conversation.agentId,
    externalUserId,
    displayName: profile.name ?? profile.username,
    username: profile.username,
    profile: {
      refreshedAt,
      ...(profile.pictureUrl ? { profilePic: profile.pictureUrl } : {}),
    },
  });
}
