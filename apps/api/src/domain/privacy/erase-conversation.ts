import type { Conversation, Repositories } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { OUTBOX_SCOPE } from "../../channels/delivery/delivery-job";
import { ADMIN_STREAM, conversationStream } from "../../realtime/types";
import { forgetGapExamples } from "./forget-gap-examples";

/** What one conversation's erasure removed, counted for the audit entry (no personal data in it). */
export interface ConversationErasure {
  messages: number;
  files: number;
  events: number;
  auditEntries: number;
  gapExamples: number;
}

type ErasureRepos = Pick<
  Repositories,
  | "erasure"
  | "adminUsers"
  | "kv"
  | "channelBindings"
  | "knowledgeGaps"
  | "searchIndex"
  | "conversationLabels"
>;

async function everyStaffId(repos: Pick<Repositories, "adminUsers">): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await repos.adminUsers.list({ cursor, limit: 100 });
    ids.push(...page.items.map((user) => user.userId));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/**
 * The webhook inbox items that carried the conversation: its customer's platform events (keyed by the
 * binding's account and the platform's message id, which the message keeps) and its outbound deliveries
 * (keyed by message id). Web chat turn items carry only ids and are keyed by a random id no message
 * keeps: they expire with the inbox's retention (8 days) instead.
 */
async function inboundEventKeysOf(
  repos: ErasureRepos,
  conversation: Conversation,
  messages: readonly { messageId: string; externalMessageId?: string }[],
): Promise<string[]> {
  const { channel } = conversation;
  if (channel === "web_chat") return [];
  const accounts = (
    await repos.channelBindings.listByAgent(conversation.agentId, { channelType: channel })
  ).map((binding) => binding.channelAccountId);
  return messages.flatMap((message) => [
    `${channel}#${OUTBOX_SCOPE}#${message.messageId}`,
    ...(message.externalMessageId
      ? accounts.map((account) => `${channel}#${account}#${message.externalMessageId}`)
      : []),
  ]);
}

/**
 * Erases ONE conversation and everything kept because of it, in every table: its messages (staff notes
 * included), the staff's read markers, its channel-contact record and re-alert claims, the webhook inbox
 * items and real-time events that carried its text, audit entries about it, its knowledge-gap examples,
 * the Instagram profile cached for its customer, its files, its search entries and its labels' counts. Each is
 * found by key or index, never by a scan. The conversation item goes last, so an erasure that fails
 * half-way can simply be run again.
 * Its stored files (bytes and metadata) go through the media storage (`deps.files`).
 */
export async function eraseConversation(
  deps: { repos: ErasureRepos; files: Pick<ApiDeps["files"], "deleteConversationFiles"> },
  conversation: Conversation,
): Promise<ConversationErasure> {
  const { repos } = deps;
  const id = conversation.conversationId;
  const { erasure } = repos;

  const audits = await erasure.deleteAuditAbout(id);
  // Re-alert claims are keyed by the escalation they alerted about: the audit entries name each one.
  const escalations = new Set<string>([conversation.needsHumanSince ?? ""]);
  for (const entry of audits) {
    const since = (entry.metadata as Record<string, unknown> | undefined)?.needsHumanSince;
    if (typeof since === "string") escalations.add(since);
  }
  await Promise.all([
    repos.kv.delete(`channel-contact#${id}`),
    ...[...escalations].map((since) => repos.kv.delete(`realert#${id}#${since}`)),
  ]);

  await erasure.deleteReadMarkers(await everyStaffId(repos), id);
  const refs = await erasure.messageRefs(id);
  const eventKeys = await inboundEventKeysOf(repos, conversation, refs);
  await erasure.deleteInboundEventKeys(eventKeys);
  const events =
    (await erasure.deleteEventStream(conversationStream(id))) +
    (await erasure.deleteEventsMentioning(ADMIN_STREAM, id));
  const gapExamples = await forgetGapExamples(repos, conversation.agentId, id);
  if (conversation.channel === "instagram" && conversation.externalUserId) {
    await erasure.deleteInstagramProfile(conversation.externalUserId);
  }
  const files = await deps.files.deleteConversationFiles(id);
  await repos.searchIndex.removeConversation(id);
  await repos.conversationLabels.adjust([], conversation.labels ?? []);

  let messages = await erasure.deleteMessages(id);
  await erasure.deleteConversation(id);
  // A message stored while the conversation was being erased is caught here.
  messages += await erasure.deleteMessages(id);
  return { messages, files, events, auditEntries: audits.length, gapExamples };
}
