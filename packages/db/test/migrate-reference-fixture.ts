import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import type { GlobalSecondaryIndex } from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../src/client/db";

/**
 * A deployment of the reference (Python) product as its Terraform and code left it (reference §2.1,
 * §2.2): its nine tables with their own keys and GSIs only, uuid4 message ids, expiry written to `ttl`,
 * one RAG row per document with a JSON-string embedding, tokens referenced in Secrets Manager.
 */
function key(hash: string, range?: string) {
  return {
    KeySchema: [
      { AttributeName: hash, KeyType: "HASH" as const },
      ...(range ? [{ AttributeName: range, KeyType: "RANGE" as const }] : []),
    ],
  };
}

function gsi(name: string, hash: string, range?: string): GlobalSecondaryIndex {
  return { IndexName: name, ...key(hash, range), Projection: { ProjectionType: "ALL" } };
}

export async function createReferenceTables(db: Db): Promise<void> {
  const t = db.tables;
  const tables: [string, string, string | undefined, GlobalSecondaryIndex[]][] = [
    [t.agents, "agent_id", undefined, []],
    [t.conversations, "conversation_id", undefined, []],
    [t.messages, "conversation_id", "message_id", []],
    [
      t.channelBindings,
      "binding_id",
      undefined,
      [
        gsi("agent_id-index", "agent_id", "channel_type"),
        gsi("channel_account-index", "channel_type", "channel_account_id"),
      ],
    ],
    [
      t.auditLogs,
      "log_id",
      undefined,
      [gsi("admin_id-index", "admin_id"), gsi("resource_type-index", "resource_type")],
    ],
    [t.sessions, "session_key", undefined, []],
    [t.notificationConfigs, "config_id", undefined, []],
    [t.ragDocuments, "agent_id", "document_id", []],
    [t.instagramProfiles, "external_user_id", undefined, []],
  ];
  for (const [TableName, hash, range, indexes] of tables) {
    const attributes = new Set([hash, ...(range ? [range] : [])]);
    for (const index of indexes)
      for (const k of index.KeySchema ?? []) attributes.add(k.AttributeName ?? "");
    await db.raw.send(
      new CreateTableCommand({
        TableName,
        BillingMode: "PAY_PER_REQUEST",
        ...key(hash, range),
        AttributeDefinitions: [...attributes].map((AttributeName) => ({
          AttributeName,
          AttributeType: "S",
        })),
        ...(indexes.length ? { GlobalSecondaryIndexes: indexes } : {}),
      }),
    );
  }
}

export async function put(db: Db, table: string, Item: Record<string, unknown>): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: table, Item }));
}

/** Epoch seconds of an ISO time. */
export const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * conv-1's messages, in time order. Their uuid4 ids are chosen so that sorting by message_id gives the
 * reverse of that order, which is how the reference's transcripts came back scrambled.
 */
export const CONV1_MESSAGES = [
  {
    id: "f3b0c2a4-1111-4aaa-8aaa-000000000001",
    at: "2026-02-01T10:00:00Z",
    role: "user",
    text: "Hello",
  },
  {
    id: "c1d2e3f4-2222-4bbb-9bbb-000000000002",
    at: "2026-02-01T10:00:01.123456",
    role: "agent",
    text: "Hi, how can I help?",
  },
  {
    id: "9a8b7c6d-3333-4ccc-accc-000000000003",
    at: "2026-02-01T10:02:00+00:00",
    role: "user",
    text: "Book me for Monday",
  },
  {
    id: "1e2d3c4b-4444-4ddd-bddd-000000000004",
    at: "2026-02-01T10:02:02Z",
    role: "admin",
    text: "Done, 9:00",
  },
] as const;

export async function seedReferenceData(db: Db): Promise<void> {
  const t = db.tables;
  await put(db, t.agents, {
    agent_id: "legacy-agent",
    config: { agent_id: "legacy-agent", llm: { temperature: 0.2 } },
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-02T00:00:00Z",
    is_active: true,
  });
  await put(db, t.conversations, {
    conversation_id: "conv-1",
    agent_id: "legacy-agent",
    channel: "web_chat",
    status: "AI_ACTIVE",
    created_at: "2026-02-01T10:00:00Z",
    updated_at: "2026-02-01T10:02:02Z",
    // created_at + 48 h: long past, never enforced (the table expired on expires_at).
    ttl: seconds("2026-02-03T10:00:00Z"),
  });
  await put(db, t.conversations, {
    conversation_id: "conv-2",
    agent_id: "legacy-agent",
    channel: "telegram",
    external_user_id: "555",
    status: "NEEDS_HUMAN",
    created_at: "2026-03-01T09:00:00Z",
    updated_at: "2026-03-01T09:00:00Z",
    ttl: seconds("2027-03-03T09:00:00Z"),
  });
  for (const m of CONV1_MESSAGES) {
    await put(db, t.messages, {
      conversation_id: "conv-1",
      message_id: m.id,
      agent_id: "legacy-agent",
      role: m.role,
      content: m.text,
      channel: "web_chat",
      timestamp: m.at,
      metadata: { score: 0.25, tags: new Set(["a", "b"]) },
      ttl: seconds("2026-02-03T10:00:00Z"),
    });
  }
  // A message with no readable timestamp: it must survive where it is.
  await put(db, t.messages, {
    conversation_id: "conv-2",
    message_id: "0b0b0b0b-5555-4eee-8eee-000000000005",
    agent_id: "legacy-agent",
    role: "user",
    content: "no time on me",
    channel: "telegram",
    timestamp: "yesterday",
  });
  await put(db, t.auditLogs, {
    log_id: "conversation_conv-2_1772355600",
    admin_id: "admin",
    action: "handoff",
    resource_type: "conversation",
    resource_id: "conv-2",
    timestamp: "2026-03-01T09:00:00Z",
    metadata: {},
  });
  await put(db, t.ragDocuments, {
    agent_id: "legacy-agent",
    document_id: "doc_about",
    title: "About",
    content: "We open at 9.",
    embedding: JSON.stringify([0.1, 0.2, 0.3]),
    metadata: "{}",
  });
  await put(db, t.channelBindings, {
    binding_id: "binding-1",
    agent_id: "legacy-agent",
    channel_type: "telegram",
    channel_account_id: "bot-1",
    secret_name: "doctor-agent/channels/telegram/binding-1/access-token",
    is_active: true,
  });
  await put(db, t.notificationConfigs, {
    config_id: "notify-1",
    notification_type: "telegram",
    bot_token_secret_name: "doctor-agent/notifications/notify-1/bot-token",
    chat_id: "-100",
    is_active: true,
  });
}
