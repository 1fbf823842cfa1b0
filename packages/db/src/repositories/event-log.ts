import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { encodeTime } from "ulid";
import type { Db } from "../client/db";
import { expiryAfterSeconds, toEpochSeconds } from "../lib/ttl";
import { appendEventInputSchema } from "../schemas/event-log";
import type { AppendEventInput, LoggedEvent } from "../schemas/event-log";
import type { RepositoryContext } from "./context";

/** Long enough to resume after a reconnect or a redeploy; short enough to stay small. */
export const EVENT_LOG_TTL_SECONDS = 24 * 3600;

/**
 * Real-time event log for resumable subscriptions: tRPC `tracked(eventId, …)` ids are these ULIDs, and a
 * client reconnecting with `lastEventId` gets what it missed from `listAfter`.
 */
export function createEventLogRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.events;

  return {
    async append(stream: string, input: AppendEventInput): Promise<LoggedEvent> {
      const event = appendEventInputSchema.parse(input);
      const now = ctx.now();
      const logged: LoggedEvent = {
        eventId: ctx.ulid(),
        stream,
        type: event.type,
        payload: event.payload,
        createdAt: now.toISOString(),
      };
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: {
            stream,
            event_id: logged.eventId,
            type: logged.type,
            payload_json: JSON.stringify(logged.payload ?? null),
            created_at: logged.createdAt,
            expires_at: expiryAfterSeconds(now, EVENT_LOG_TTL_SECONDS),
          },
          ConditionExpression: "attribute_not_exists(event_id)",
        }),
      );
      return logged;
    },

    /** Events after `afterEventId` (all retained ones when null), oldest first, expired ones excluded. */
    async listAfter(
      stream: string,
      afterEventId: string | null,
      limit: number,
    ): Promise<LoggedEvent[]> {
      const events: LoggedEvent[] = [];
      const now = ctx.now();
      // Ids are ULIDs: starting at the retention horizon skips expired events without reading them.
      const horizon = `${encodeTime(now.getTime() - EVENT_LOG_TTL_SECONDS * 1000, 10)}${"0".repeat(16)}`;
      const after = afterEventId !== null && afterEventId > horizon ? afterEventId : horizon;
      const values = { ":stream": stream, ":after": after, ":now": toEpochSeconds(now) };
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await db.doc.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: "#stream = :stream AND event_id > :after",
            FilterExpression: "expires_at > :now",
            ExpressionAttributeNames: { "#stream": "stream" },
            ExpressionAttributeValues: values,
            Limit: Math.max(limit, 25),
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of out.Items ?? []) {
          events.push({
            eventId: String(item.event_id),
            stream,
            type: String(item.type),
            payload: JSON.parse(String(item.payload_json)),
            createdAt: String(item.created_at),
          });
          if (events.length >= limit) return events;
        }
        startKey = out.LastEvaluatedKey;
      } while (startKey);
      return events;
    },
  };
}

export type EventLogRepository = ReturnType<typeof createEventLogRepository>;
