import { whatsappAliasKey } from "../../channels/worker/whatsapp-user";
import type { Conversation, Repositories } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { OUTBOX_SCOPE } from "../../channels/delivery/delivery-job";
import { MEDIA_SCOPE } from "../../channels/worker/media/media-job";
import { webTurnKeyOf, webTurnOrderKey } from "../turns/web-turn-job";
import { ADMIN_STREAM, conversationStream } from "../../realtime/types";
import { forgetGapExamples } from "./forget-gap-examples";
import { customerOrderKeys } from "./erased-customer-keys";

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
  | "erasedCustomers"
  | "adminUsers"
  | "kv"
  | "sentMessageRefs"
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

type MessageRef = { messageId: string; externalMessageId?: string; inboxEventKey?: string };

/**
 * The webhook inbox items that carried the conversation: its customer's platform events (the key each
 * stored message keeps as `inboxEventKey` — Telegram's is the `update_id`, which no other field gives
 * back — and, for messages stored before that was kept, the binding's account and the platform's message
 * id), its outbound deliveries and media downloads (keyed by message id).
 */
async function inboundEventKeysOf(
  repos: ErasureRepos,
  conversation: Conversation,
  messages: readonly MessageRef[],
): Promise<string[]> {
  const { channel } = conversation;
  const accounts =
    channel === "web_chat"
      ? []
      : (
          await repos.channelBindings.listByAgent(conversation.agentId, { channelType: channel })
        ).map((binding) => binding.channelAccountId);
  return messages.flatMap((message) => [
    `${channel}#${OUTBOX_SCOPE}#${message.messageId}`,
    `${channel}#${MEDIA_SCOPE}#${message.messageId}`,
    ...(message.inboxEventKey &&
    !webTurnKeyOf({ metadata: { inboxEventKey: message.inboxEventKey } })
      ? [message.inboxEventKey]
      : []),
    ...(message.externalMessageId
      ? accounts.map((account) => `${channel}#${account}#${message.externalMessageId}`)
      : []),
  ]);
}

/**
 * Web-chat turn items (`{job, conversationId, agentId}`, keyed by a random id): the ones whose message
 * was stored by the key the message keeps, the ones still queued (a turn in flight, or a message whose
 * storing failed) through the conversation's ordering group. A turn in flight finds the conversation
 * gone and ends without writing (recover-web-turn.ts, commit-reply.ts's activity touch).
 */
async function deleteWebTurnItems(
  repos: ErasureRepos,
  id: string,
  messages: readonly MessageRef[],
) {
  const keys = messages.flatMap(
    (message) => webTurnKeyOf({ metadata: { inboxEventKey: message.inboxEventKey } }) ?? [],
  );
  return repos.erasure.deleteInboxItems(keys, webTurnOrderKey(id));
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
  /** False when finishing an erasure already recorded (its time must stay when it was). */
  options: { remember?: boolean } = {},
): Promise<ConversationErasure> {
  const { repos } = deps;
  const id = conversation.conversationId;
  const { erasure } = repos;

  // First of all, so an event of this customer already queued, or processed meanwhile, is recognised
  // as older than the erasure and cannot bring the conversation back (channels/worker/erased-customer.ts).
  const refs = await erasure.messageRefs(id);
  const orderKeys = await customerOrderKeys(repos, conversation, refs);
  if (options.remember ?? true) await repos.erasedCustomers.remember(orderKeys);

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

  // Markers of accounts deleted since are left to their TTL (the unread horizon + 1 day): they hold a
  // staff id, the erased conversation's random id and a time — nothing of the customer, and nothing left
  // that the id leads to. Finding them by conversation would need an index on the sessions table.
  await erasure.deleteReadMarkers(await everyStaffId(repos), id);
  await forgetPlatformIds(repos, conversation, refs);
  const eventKeys = await inboundEventKeysOf(repos, conversation, refs);
  await erasure.deleteInboundEventKeys(eventKeys);
  if (conversation.channel === "web_chat") await deleteWebTurnItems(repos, id, refs);
  // Its events still waiting in the inbox, or failed for good: their texts go, none is processed.
  for (const orderKey of orderKeys) await erasure.deleteInboxItems([], orderKey);
  await erasure.deleteDeadLetters(orderKeys);
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
  // A visitor message sent while the erasure ran left its turn item behind.
  if (conversation.channel === "web_chat") await erasure.deleteInboxItems([], webTurnOrderKey(id));
  return { messages, files, events, auditEntries: audits.length, gapExamples };
}

/**
 * What links platform ids to this conversation outside its items: the WhatsApp BSUID → number
 * aliases (a BSUID beside a phone number is personal data) and the ids of the parts we sent.
 */
async function forgetPlatformIds(
  repos: Pick<ErasureRepos, "kv" | "sentMessageRefs">,
  conversation: Conversation,
  refs: { externalMessageId?: string; senderUserId?: string }[],
): Promise<void> {
  const bsuids = new Set(refs.flatMap((r) => (r.senderUserId ? [r.senderUserId] : [])));
  const key = conversation.externalUserId;
  if (conversation.channel === "whatsapp" && key && !/^\d+$/.test(key)) bsuids.add(key);
  const sent = refs.flatMap((r) => r.externalMessageId?.split(",") ?? []);
  await Promise.all([
    ...[...bsuids].map((bsuid) => repos.kv.delete(whatsappAliasKey(conversation.agentId, bsuid))),
    ...(conversation.channel === "web_chat"
      ? []
      : sent.map((pmid) => repos.sentMessageRefs.forget(conversation.channel, pmid))),
  ]);
}
