import { NotFoundError, type Page } from "@agents-crm/db";
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
  const [agent, profile, assignee] = await Promise.all([
    repos.agents.get(agentId),
    channel === "instagram" && externalUserId ? repos.instagramProfiles.get(externalUserId) : null,
    assigneeCard(deps, conversation),
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
