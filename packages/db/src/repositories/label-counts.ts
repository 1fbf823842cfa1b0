import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "../lib/errors";
import type { RepositoryContext } from "./context";

/** Which labels are in use, with how many items carry each; the console's filter chips read it. */
export interface LabelCount {
  label: string;
  count: number;
}

/**
 * One counter map per kind of labelled item (`conversation`, `contact`) in a single settings item, so
 * "which labels exist" is one GetItem instead of a scan of every conversation. Counts move by the
 * difference each labelling write made; a label whose count falls to zero leaves the map. Items that
 * expire by TTL never decrement their labels, so a count can run high: readers treat the map as the
 * labels worth offering, not as exact totals.
 */
export function createLabelCounts(db: Db, _ctx: RepositoryContext, kind: string) {
  const TableName = db.tables.settings;
  const Key = { setting_key: `label-counts#${kind}` };

  async function ensureMap(): Promise<void> {
    await db.doc.send(
      new UpdateCommand({
        TableName,
        Key,
        UpdateExpression: "SET #c = if_not_exists(#c, :empty)",
        ExpressionAttributeNames: { "#c": "counts" },
        ExpressionAttributeValues: { ":empty": {} },
      }),
    );
  }

  async function bump(label: string, delta: number): Promise<void> {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName,
        Key,
        UpdateExpression: "SET #c.#l = if_not_exists(#c.#l, :zero) + :d",
        ExpressionAttributeNames: { "#c": "counts", "#l": label },
        ExpressionAttributeValues: { ":zero": 0, ":d": delta },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    const counts = out.Attributes?.counts as Record<string, unknown> | undefined;
    const now = Number(counts?.[label] ?? 0);
    if (now > 0) return;
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName,
          Key,
          UpdateExpression: "REMOVE #c.#l",
          ConditionExpression: "#c.#l <= :zero",
          ExpressionAttributeNames: { "#c": "counts", "#l": label },
          ExpressionAttributeValues: { ":zero": 0 },
        }),
      );
    } catch (error) {
      // Someone labelled an item with it meanwhile: it stays.
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  return {
    /** Applies one labelling write's difference. */
    async adjust(added: readonly string[], removed: readonly string[]): Promise<void> {
      if (added.length === 0 && removed.length === 0) return;
      await ensureMap();
      for (const label of added) await bump(label, 1);
      for (const label of removed) await bump(label, -1);
    },

    /** Labels in use, most used first, then by name. */
    async inUse(): Promise<LabelCount[]> {
      const out = await db.doc.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
      const counts = (out.Item?.counts ?? {}) as Record<string, unknown>;
      return Object.entries(counts)
        .map(([label, count]) => ({ label, count: Number(count) }))
        .filter((entry) => entry.count > 0)
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    },
  };
}

export type LabelCounts = ReturnType<typeof createLabelCounts>;
