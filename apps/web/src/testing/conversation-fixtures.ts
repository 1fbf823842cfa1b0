import { parseMessageMetadata } from "@agents-crm/config/message-metadata";
import type { ConversationRow, TranscriptMessage } from "~/features/console/types";

let sequence = 0;

/** A conversation row as the API sends it; ids sort by creation like the server's ULIDs. */
export function row(overrides: Partial<ConversationRow> = {}): ConversationRow {
  sequence += 1;
  const at =
    overrides.lastActivityAt ?? new Date(Date.UTC(2026, 0, 1, 12, 0, sequence)).toISOString();
  return {
    conversationId: `01J${String(sequence).padStart(23, "0")}`,
    agentId: "demo_clinic",
    channel: "web_chat",
    status: "AI_ACTIVE",
    stage: "NEW",
    createdAt: at,
    updatedAt: at,
    lastActivityAt: at,
    version: 1,
    ...overrides,
  };
}

export const minutesAfter = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** A transcript message; `metadata` as a row may hold it, read the way the API reads it. */
export function message({
  metadata,
  ...overrides
}: Partial<Omit<TranscriptMessage, "metadata">> & {
  messageId: string;
  metadata?: unknown;
}): TranscriptMessage {
  return {
    conversationId: "c1",
    agentId: "demo_clinic",
    role: "user",
    content: "hello",
    channel: "web_chat",
    kind: "text",
    timestamp: "2026-01-01T12:00:00.000Z",
    ...overrides,
    metadata: parseMessageMetadata(metadata ?? {}),
  };
}
