import type { Conversation, Repositories } from "@agents-crm/db";
import { webTurnOrderKey } from "../turns/web-turn-job";
import { deliveryOrderKey } from "../../channels/delivery/delivery-job";
import { orderKeyOf } from "../../channels/inbound-event";
import { ADMIN_STREAM, conversationStream } from "../../realtime/types";
import { forgetGapExamples } from "./forget-gap-examples";

/** What one conversation's erasure removed, counted for the audit entry (no personal data in it). */
export interface ConversationErasure {
  messages: number;
  events: number;
  inboundEvents: number;
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

/** The inbox orders a conversation's work ran in: its web turns, its deliveries, its platform user's events. */
async function orderKeysOf(repos: ErasureRepos, conversation: Conversation): Promise<string[]> {
  const keys = [webTurnOrderKey(conversation.conversationId)];
  keys.push(deliveryOrderKey(conversation.conversationId));
  const { externalUserId } = conversation;
  if (conversation.channel !== "web_chat" && externalUserId) {
    const bindings = await repos.channelBindings.listByAgent(conversation.agentId, {
      channelType: conversation.channel,
    });
    for (const { bindingId } of bindings) keys.push(orderKeyOf({ bindingId, externalUserId }));
  }
  return keys;
}

/**
 * Erases ONE conversation and everything kept because of it, in every table: its messages (staff notes
 * included), the staff's read markers, its channel-contact record and re-alert claims, the webhook inbox
 * items and real-time events that carried its text, audit entries about it, its knowledge-gap examples,
 * the Instagram profile cached for its customer, its search entries and its labels' counts. Each is
 * found by key or index, never by a scan. The conversation item goes last, so an erasure that fails
 * half-way can simply be run again.
 *
 * Stored files are removed by the media storage (`deps.files.deleteConversationFiles`), wired in by the
 * caller once that exists.
 */
export async function eraseConversation(
  repos: ErasureRepos,
  conversation: Conversation,
): Promise<ConversationErasure> {
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
  let inboundEvents = 0;
  for (const key of await orderKeysOf(repos, conversation)) {
    inboundEvents += await erasure.deleteInboundEvents(key);
  }
  const events =
    (await erasure.deleteEventStream(conversationStream(id))) +
    (await erasure.deleteEventsMentioning(ADMIN_STREAM, id));
  const gapExamples = await forgetGapExamples(repos, conversation.agentId, id);
  if (conversation.channel === "instagram" && conversation.externalUserId) {
    await erasure.deleteInstagramProfile(conversation.externalUserId);
  }
  await repos.searchIndex.removeConversation(id);
  await repos.conversationLabels.adjust([], conversation.labels ?? []);

  let messages = await erasure.deleteMessages(id);
  await erasure.deleteConversation(id);
  // A message stored while the conversation was being erased is caught here.
  messages += await erasure.deleteMessages(id);
  return { messages, events, inboundEvents, auditEntries: audits.length, gapExamples };
}
