import type { TableNames } from "@agents-crm/config";

/**
 * Every table, key, index and TTL attribute in one place. Provisioning, the Terraform drift test and the
 * repositories all read this, so the three can never disagree.
 *
 * The reference product's tables keep their primary keys (so an existing deployment's tables work); every
 * index here is an addition. Sparse indexes (the key attribute is only written on items that belong in the
 * index) keep queues and "active" lists small no matter how large the table grows.
 */
export type AttributeType = "S" | "N" | "B";

export interface KeyDefinition {
  partition: { name: string; type: AttributeType };
  sort?: { name: string; type: AttributeType };
}

export interface IndexDefinition extends KeyDefinition {
  name: string;
}

export interface TableDefinition extends KeyDefinition {
  /** Key into TableNames: the physical name comes from config. */
  id: keyof TableNames;
  indexes: IndexDefinition[];
  /** Epoch-seconds attribute DynamoDB TTL deletes on; readers also treat past values as absent. */
  ttlAttribute?: string;
}

const s = (name: string) => ({ name, type: "S" as const });

export const TABLE_DEFINITIONS: readonly TableDefinition[] = [
  {
    id: "agents",
    partition: s("agent_id"),
    // `list_pk` = "AGENT" on every agent, so listing agents is a Query, never a Scan.
    indexes: [{ name: "list-index", partition: s("list_pk"), sort: s("agent_id") }],
  },
  {
    id: "conversations",
    partition: s("conversation_id"),
    // Sort keys are `${last_activity_at}#${conversation_id}`, so "newest activity first" is ScanIndexForward=false.
    indexes: [
      { name: "status-activity-index", partition: s("status"), sort: s("activity_sort") },
      { name: "agent-activity-index", partition: s("agent_id"), sort: s("activity_sort") },
      { name: "channel-activity-index", partition: s("channel"), sort: s("activity_sort") },
      { name: "stage-activity-index", partition: s("stage"), sort: s("activity_sort") },
      // `all_pk` = "CONVERSATION": the unfiltered list, newest activity first.
      { name: "all-activity-index", partition: s("all_pk"), sort: s("activity_sort") },
      // Sparse: `queue_pk` = "NEEDS_HUMAN" only while a conversation waits for a human; `queue_sort` =
      // `${priority rank}#${needs_human_since}#${conversation_id}`: most urgent, then longest waiting, first.
      { name: "needs-human-queue-index", partition: s("queue_pk"), sort: s("queue_sort") },
      // Sparse: `assignee_id` exists only while a staff member is assigned ("Mine", a colleague's list).
      { name: "assignee-activity-index", partition: s("assignee_id"), sort: s("activity_sort") },
      // Sparse: `contact_id` exists once the conversation is linked to its contact (the contact's timeline).
      { name: "contact-activity-index", partition: s("contact_id"), sort: s("activity_sort") },
      // Sparse: `snooze_pk` = "SNOOZED" only while `snoozed_until` is set, so the sweep that ends snoozes
      // reads only the due ones (`snoozed_until <= now`), never the conversations nobody snoozed.
      { name: "snooze-due-index", partition: s("snooze_pk"), sort: s("snoozed_until") },
    ],
    ttlAttribute: "expires_at",
  },
  {
    id: "messages",
    // message_id is a ULID: the sort key orders a conversation by time.
    partition: s("conversation_id"),
    sort: s("message_id"),
    indexes: [],
    ttlAttribute: "expires_at",
  },
  {
    id: "auditLogs",
    partition: s("log_id"),
    // `all_pk` = "AUDIT" and `ts_sort` = `${timestamp}#${log_id}`: time-range listing without Scan.
    indexes: [
      { name: "all-time-index", partition: s("all_pk"), sort: s("ts_sort") },
      { name: "actor-time-index", partition: s("admin_id"), sort: s("ts_sort") },
      { name: "resource-time-index", partition: s("resource_id"), sort: s("ts_sort") },
      { name: "action-time-index", partition: s("action"), sort: s("ts_sort") },
    ],
  },
  {
    id: "channelBindings",
    partition: s("binding_id"),
    // The reference's two GSIs, same names and keys.
    indexes: [
      { name: "agent_id-index", partition: s("agent_id"), sort: s("channel_type") },
      {
        name: "channel_account-index",
        partition: s("channel_type"),
        sort: s("channel_account_id"),
      },
    ],
  },
  {
    id: "instagramProfiles",
    partition: s("external_user_id"),
    indexes: [],
    // The reference's profile table already expires on `ttl` (5 days).
    ttlAttribute: "ttl",
  },
  {
    id: "notificationConfigs",
    partition: s("config_id"),
    // `list_pk` = "NOTIFICATION"; `active_pk` only while active (sparse) for alert fan-out.
    indexes: [
      { name: "list-index", partition: s("list_pk"), sort: s("created_sort") },
      { name: "active-index", partition: s("active_pk"), sort: s("created_sort") },
    ],
  },
  {
    id: "ragDocuments",
    // document_id = `${source_id}#${chunk_index padded}`: one row per chunk, embedding as binary Float32.
    partition: s("agent_id"),
    sort: s("document_id"),
    indexes: [],
  },
  {
    id: "sessions",
    // The reference's cache table: admin sessions, throttling counters and cache entries by key.
    partition: s("session_key"),
    // Sparse: only admin-session items carry `user_id`, so "sign this user out everywhere" is a Query.
    indexes: [{ name: "user-index", partition: s("user_id"), sort: s("session_key") }],
    ttlAttribute: "expires_at",
  },
  {
    id: "adminUsers",
    // Email uniqueness is enforced by a companion item `user_id = "email#<normalised email>"`.
    partition: s("user_id"),
    indexes: [{ name: "list-index", partition: s("list_pk"), sort: s("email") }],
  },
  {
    id: "inboundEvents",
    // event_key = `${platform}#${scope}#${platform id}`: the conditional write on it is the dedupe.
    partition: s("event_key"),
    indexes: [
      // Sparse: `queue_pk` exists only while an event is pending/processing; `due_sort` = `${due_at}#${event_key}`.
      { name: "queue-index", partition: s("queue_pk"), sort: s("due_sort") },
      // Sparse: `dead_pk` exists only on dead-lettered events.
      { name: "dead-index", partition: s("dead_pk"), sort: s("due_sort") },
      // Per-conversation ordering: `order_key` (e.g. binding#user), sorted by platform order.
      { name: "order-index", partition: s("order_key"), sort: s("order_sort") },
    ],
    ttlAttribute: "expires_at",
  },
  {
    id: "secrets",
    partition: s("secret_name"),
    indexes: [],
  },
  {
    id: "settings",
    partition: s("setting_key"),
    indexes: [],
  },
  {
    id: "events",
    // Real-time event log for resumable subscriptions: stream = "admin" or `conversation#<id>`, event_id ULID.
    partition: s("stream"),
    sort: s("event_id"),
    indexes: [],
    ttlAttribute: "expires_at",
  },
  {
    id: "knowledgeGaps",
    // One partition per agent (bounded: MAX_GAP_GROUPS_PER_AGENT groups); `rank_sort` =
    // `${count padded}#${last_seen_at}#${group_id}`, so "most asked first" is ScanIndexForward=false.
    partition: s("agent_id"),
    sort: s("group_id"),
    indexes: [{ name: "agent-rank-index", partition: s("agent_id"), sort: s("rank_sort") }],
    ttlAttribute: "expires_at",
  },
  {
    id: "cannedResponses",
    // Responses and, beside them, one claim item per shortcut and scope (`response_id` =
    // `shortcut#<agent>#<language>#<shortcut>`) whose conditional put keeps shortcuts unique. Only responses
    // carry `list_pk` = "CANNED" (sparse), sorted by `shortcut_sort` or by `use_sort` (use count padded).
    partition: s("response_id"),
    indexes: [
      { name: "shortcut-index", partition: s("list_pk"), sort: s("shortcut_sort") },
      { name: "use-index", partition: s("list_pk"), sort: s("use_sort") },
    ],
  },
  {
    id: "searchIndex",
    // `term` = "c#<term>" / "p#<term>" (conversations / contacts), `doc` = `${createdAt}#${id}`: newest
    // first. Reverse items (`term` = "r#c#<id>" / "r#p#<id>") list a document's terms. See search-index.ts.
    partition: s("term"),
    sort: s("doc"),
    indexes: [],
    ttlAttribute: "expires_at",
  },
  {
    id: "contacts",
    // The CRM's customer records; no TTL (they outlive MESSAGE_TTL_HOURS). `all_pk` = "CONTACT" and
    // `activity_sort` = `${last_seen_at}#${contact_id}`: the list, newest activity first, is a Query.
    partition: s("contact_id"),
    indexes: [{ name: "all-activity-index", partition: s("all_pk"), sort: s("activity_sort") }],
  },
  {
    id: "contactKeys",
    // What points at a contact, `key` → `ref`:
    // - `identity#<channel>#<external user id>`, ref "-": one item per channel identity, so a conditional put
    //   makes it unique (two first messages of one person race to one contact);
    // - `phone#<E.164>` / `email#<address>`, ref = contact id: every contact sharing one (merge suggestions);
    // - `label#<label>` / `channel#<channel>`, ref = contact id, with `list_sort` = the contact's
    //   activity_sort: the contact list filtered by label or channel is a Query on `list-index` (sparse).
    // Every item carries `contact_id`, so `contact-index` lists a contact's keys (merge, erase).
    partition: s("key"),
    sort: s("ref"),
    indexes: [
      { name: "contact-index", partition: s("contact_id"), sort: s("key") },
      { name: "list-index", partition: s("key"), sort: s("list_sort") },
    ],
  },
  {
    id: "knowledgeDocuments",
    // The knowledge library: one partition per agent (bounded: MAX_LIBRARY_DOCUMENTS_PER_AGENT), so a
    // folder listing is a Query of the agent's partition. Chunks live in ragDocuments under the same agent.
    partition: s("agent_id"),
    sort: s("document_id"),
    indexes: [],
  },
  {
    id: "files",
    // Metadata of stored files (the bytes live in the FileStore under `storage_key`). Sparse:
    // `conversation_id` exists only on a conversation's files, so deleting them with it is a Query.
    // `expires_at` is read by our own sweeper, not DynamoDB TTL: it must delete the stored object
    // before the item, or the object would be orphaned. Sparse: `expiry_pk` = "FILE" and `expiry_sort` =
    // `${expires_at padded}#${file_id}` only on files that expire, so the sweeper's "expired by now" is a Query.
    partition: s("file_id"),
    indexes: [
      { name: "conversation-index", partition: s("conversation_id"), sort: s("file_id") },
      { name: "expiry-index", partition: s("expiry_pk"), sort: s("expiry_sort") },
    ],
  },
  {
    id: "leases",
    // One item per cluster-wide job (`lease_name`): `holder` (a replica id) runs it until `lease_until`
    // (epoch ms). `expires_at` only reclaims leases nobody renews any more; readers go by `lease_until`.
    partition: s("lease_name"),
    indexes: [],
    ttlAttribute: "expires_at",
  },
];

export function tableDefinition(id: keyof TableNames): TableDefinition {
  const found = TABLE_DEFINITIONS.find((t) => t.id === id);
  if (!found) throw new Error(`no table definition for ${id}`);
  return found;
}
