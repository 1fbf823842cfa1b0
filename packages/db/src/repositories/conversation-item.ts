import { toItemKeys } from "../lib/case";
import type { Now } from "../lib/clock";
import { parseItem } from "../lib/parse-item";
import { isExpired } from "../lib/ttl";
import { DEFAULT_STAGE } from "@agents-crm/config/pipeline";
import { triagePriorityRank } from "@agents-crm/config/triage";
import { conversationSchema } from "../schemas/conversation";
import type { Conversation } from "../schemas/conversation";
import { tableDefinition } from "../tables/definitions";

export const CONVERSATIONS_TABLE = tableDefinition("conversations");
export const CONVERSATION_TTL_ATTRIBUTE = CONVERSATIONS_TABLE.ttlAttribute ?? "expires_at";
export const CONVERSATION_ALL_PK = "CONVERSATION";
/** Lookup items share the table but carry none of the attributes the listing indexes key on. */
export const LOOKUP_ID_PREFIX = "lookup#";
export const PREVIEW_MAX_CHARS = 200;

/** What items written by the reference lack, as its readers assumed it. */
export const REFERENCE_DEFAULTS = {
  channel: "web_chat",
  status: "AI_ACTIVE",
  stage: DEFAULT_STAGE,
  version: 0,
} as const;

/** The reference's names for fields this project renamed: read as fallbacks, `stage` also written. */
export const LEGACY_ATTRIBUTES = {
  stage: "marketing_status",
  escalationType: "request_type",
} as const;

const withoutNulls = (attributes: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null));

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** An item's CRM stage, under its name or the reference's, else the default (for light readers). */
export function stageOfItem(item: Record<string, unknown>): string {
  return str(item.stage) ?? str(item[LEGACY_ATTRIBUTES.stage]) ?? REFERENCE_DEFAULTS.stage;
}

export function activitySort(lastActivityAt: string, conversationId: string): string {
  return `${lastActivityAt}#${conversationId}`;
}

export const NEEDS_HUMAN_QUEUE_PK = "NEEDS_HUMAN";

type QueueFields = Pick<
  Conversation,
  "conversationId" | "status" | "escalationType" | "needsHumanSince" | "lastActivityAt"
>;

/**
 * The needs-human queue's index attributes: present only while the conversation waits for a human
 * (`null` removes them), sorted by priority rank, then the time it started waiting.
 */
export function queueAttributes(conversation: QueueFields): {
  queue_pk: string | null;
  queue_sort: string | null;
} {
  if (conversation.status !== "NEEDS_HUMAN") return { queue_pk: null, queue_sort: null };
  const since = conversation.needsHumanSince ?? conversation.lastActivityAt;
  return {
    queue_pk: NEEDS_HUMAN_QUEUE_PK,
    queue_sort: `${triagePriorityRank(conversation.escalationType)}#${since}#${conversation.conversationId}`,
  };
}

export const SNOOZE_PK = "SNOOZED";
export const SNOOZE_INDEX_NAME = "snooze-due-index";

/**
 * The snooze index's partition attribute: present only while the conversation is snoozed (`null`
 * removes it), beside `snoozed_until`, the index's sort key.
 */
export function snoozeAttributes(snoozedUntil: string | null | undefined): {
  snooze_pk: string | null;
} {
  return { snooze_pk: snoozedUntil ? SNOOZE_PK : null };
}

/** Internal attributes tying a conversation to its find-or-create lookup item. */
export interface LookupLink {
  lookupKey?: string;
  lookupExpiresAt?: number;
}

export function conversationToItem(
  conversation: Conversation,
  link: LookupLink = {},
): Record<string, unknown> {
  const { expiresAt, ...rest } = conversation;
  return {
    ...toItemKeys({ ...rest, ...link }),
    [CONVERSATION_TTL_ATTRIBUTE]: expiresAt,
    activity_sort: activitySort(conversation.lastActivityAt, conversation.conversationId),
    all_pk: CONVERSATION_ALL_PK,
    ...withoutNulls(queueAttributes(conversation)),
    ...withoutNulls(snoozeAttributes(conversation.snoozedUntil)),
    // The reference's readers know the CRM stage as marketing_status.
    [LEGACY_ATTRIBUTES.stage]: conversation.stage,
  };
}

export function isConversationItem(item: Record<string, unknown>): boolean {
  return (
    typeof item.agent_id === "string" && !String(item.conversation_id).startsWith(LOOKUP_ID_PREFIX)
  );
}

/**
 * Reads a conversation item, or undefined when it is expired or not a conversation (a lookup item).
 * Items written by the reference lack stage/version/last activity: they get the reference's defaults.
 */
export function conversationFromItem(
  item: Record<string, unknown>,
  now: Now,
): Conversation | undefined {
  if (!isConversationItem(item)) return undefined;
  if (isExpired(item, CONVERSATION_TTL_ATTRIBUTE, now())) return undefined;
  return parseItem(
    conversationSchema,
    {
      channel: REFERENCE_DEFAULTS.channel,
      status: REFERENCE_DEFAULTS.status,
      version: REFERENCE_DEFAULTS.version,
      ...item,
      stage: item.stage ?? item[LEGACY_ATTRIBUTES.stage] ?? REFERENCE_DEFAULTS.stage,
      last_activity_at: item.last_activity_at ?? item.updated_at ?? item.created_at,
      expires_at: item[CONVERSATION_TTL_ATTRIBUTE],
    },
    "conversation",
    String(item.conversation_id),
  );
}

export function lookupLinkFromItem(item: Record<string, unknown>): LookupLink {
  return {
    lookupKey: typeof item.lookup_key === "string" ? item.lookup_key : undefined,
    lookupExpiresAt:
      typeof item.lookup_expires_at === "number" ? item.lookup_expires_at : undefined,
  };
}

export function previewOf(content: string): string {
  return content.length <= PREVIEW_MAX_CHARS
    ? content
    : `${content.slice(0, PREVIEW_MAX_CHARS - 1)}…`;
}
