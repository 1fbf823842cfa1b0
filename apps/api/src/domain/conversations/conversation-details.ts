import { NotFoundError, type Conversation, type Page } from "@agents-crm/db";
import { withAttachments, type MessageWithAttachments } from "../../files/attachment-views";
import type { ApiDeps } from "../../deps";
import { toAgentCard } from "../agents/agent-card";
import { assigneeCard } from "./assign";
import { conversationView } from "./views";

/** One conversation for the console: the full row, its agent's card, the Instagram profile if any. */
export async function conversationDetails(deps: Pick<ApiDeps, "repos">, conversationId: string) {
  const { repos } = deps;
  const conversation = await repos.conversations.get(conversationId);
  if (!conversation) throw new NotFoundError("conversation", conversationId);
  const { agentId, channel, externalUserId } = conversation;
  const [agent, profile, assignee, identity] = await Promise.all([
    repos.agents.get(agentId),
    channel === "instagram" && externalUserId ? repos.instagramProfiles.get(externalUserId) : null,
    assigneeCard(deps, conversation),
    customerIdentity(deps, conversation),
  ]);
  return {
    conversation: conversationView(conversation),
    /** Who handles it: `conversation.assigneeId` with the person's display name. */
    assignee,
    agent: agent ? { ...toAgentCard(agentId, agent.config), isActive: agent.isActive } : null,
    instagramProfile: profile
      ? {
          name: profile.name ?? null,
          username: profile.username ?? null,
          profilePic: profile.profilePic ?? null,
          updatedAt: profile.updatedAt,
        }
      : null,
    /** The contact's identity on this channel: the platform name kept current (and refreshed on demand). */
    customerIdentity: identity,
  };
}

async function customerIdentity(deps: Pick<ApiDeps, "repos">, conversation: Conversation) {
  const { contactId, channel, externalUserId, agentId } = conversation;
  if (!contactId || !externalUserId || channel === "web_chat") return null;
  const contact = await deps.repos.contacts.get(contactId);
  const identity = contact?.identities.find(
    (one) =>
      one.channel === channel && one.externalUserId === externalUserId && one.agentId === agentId,
  );
  if (!identity) return null;
  const { refreshedAt, profilePic } = identity.profile ?? {};
  return {
    name: identity.displayName ?? null,
    username: identity.username ?? null,
    pictureUrl: typeof profilePic === "string" ? profilePic : null,
    refreshedAt: typeof refreshedAt === "string" ? refreshedAt : null,
  };
}

/**
 * The transcript with everything staff may see (roles, authors, delivery, usage, staff notes), each
 * message with its files' views (one batch read per page).
 */
export async function conversationMessages(
  deps: Pick<ApiDeps, "repos">,
  input: { conversationId: string; cursor?: string | null; limit: number; order: "asc" | "desc" },
): Promise<Page<MessageWithAttachments>> {
  const { repos } = deps;
  if (!(await repos.conversations.get(input.conversationId))) {
    throw new NotFoundError("conversation", input.conversationId);
  }
  const page = await repos.messages.page(input.conversationId, {
    cursor: input.cursor,
    limit: input.limit,
    order: input.order,
    includeNotes: true,
  });
  return { ...page, items: await withAttachments(repos, page.items) };
}
