import { GetItemCommand, ScanCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { TableNames } from "@agents-crm/config";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "../lib/errors";
import { keyAttributes } from "../lib/query";
import { toEpochSeconds } from "../lib/ttl";
import { tableDefinition } from "../tables/definitions";
import { scanPages } from "./scan-pages";

/** Items lacking `attribute` (Select COUNT: nothing but the count comes back). */
export async function countWithout(db: Db, tableName: string, attribute: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await db.raw.send(
      new ScanCommand({
        TableName: tableName,
        Select: "COUNT",
        FilterExpression: "attribute_not_exists(#a)",
        ExpressionAttributeNames: { "#a": attribute },
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

export interface LegacyTtlReport {
  /** Items carrying the reference's `ttl` but no `expires_at`: they never expired there. */
  carrying: number;
  /** Of those, how many are already past their `ttl`. */
  pastDue: number;
  /** Given `expires_at` = `ttl` (legacyTtl "apply"); 0 with "keep". */
  applied: number;
}

/**
 * The reference wrote expiry into `ttl` while its tables expired on `expires_at`, so none of its
 * conversations ever expired. Kept as they are by default (nothing disappears on migration); with
 * `apply`, `expires_at` takes the `ttl` value and they expire as the reference meant them to.
 */
export async function legacyTtl(
  db: Db,
  tableId: keyof TableNames,
  options: { apply: boolean; dryRun: boolean; now: Date },
): Promise<LegacyTtlReport> {
  const definition = tableDefinition(tableId);
  const target = definition.ttlAttribute ?? "expires_at";
  const keys = keyAttributes(definition);
  const tableName = db.tables[tableId];
  const report: LegacyTtlReport = { carrying: 0, pastDue: 0, applied: 0 };
  const now = toEpochSeconds(options.now);
  await scanPages(
    db,
    tableName,
    async (items) => {
      for (const item of items) {
        const ttl = Number(item.ttl?.N);
        if (!Number.isFinite(ttl)) continue;
        report.carrying++;
        if (ttl <= now) report.pastDue++;
        if (!options.apply) continue;
        report.applied++;
        if (options.dryRun) continue;
        try {
          await db.raw.send(
            new UpdateItemCommand({
              TableName: tableName,
              Key: Object.fromEntries(keys.map((k) => [k, item[k] ?? { S: "" }])),
              UpdateExpression: "SET #target = #ttl",
              ConditionExpression: "attribute_exists(#ttl) AND attribute_not_exists(#target)",
              ExpressionAttributeNames: { "#target": target, "#ttl": "ttl" },
            }),
          );
        } catch (error) {
          if (!isConditionalCheckFailed(error)) throw error;
          report.applied--;
        }
      }
    },
    {
      filter: {
        expression: "attribute_exists(#ttl) AND attribute_not_exists(#target)",
        names: { "#ttl": "ttl", "#target": target },
      },
    },
  );
  return report;
}

export interface LegacyRagReport {
  /** The reference's rows: one per document, the embedding a JSON string. */
  rows: number;
  agents: string[];
}

/** Counted only: the API re-indexes every active agent's knowledge on start and replaces these rows. */
export async function legacyRagRows(db: Db): Promise<LegacyRagReport> {
  const agents = new Set<string>();
  let rows = 0;
  await scanPages(db, db.tables.ragDocuments, async (items) => {
    for (const item of items) {
      if (item.embedding?.S === undefined) continue;
      rows++;
      if (item.agent_id?.S) agents.add(item.agent_id.S);
    }
  });
  return { rows, agents: [...agents].sort() };
}

export interface MissingSecretsReport {
  /** Channel bindings whose access token is not in the secrets table (`binding_id`). */
  channelBindings: string[];
  /** Notification configs whose bot token is not in the secrets table (`config_id`). */
  notificationConfigs: string[];
}

/**
 * The reference kept channel and bot tokens in AWS Secrets Manager; this project keeps them encrypted
 * in its secrets table under the same names. Reports what has to be entered again in the console.
 */
export async function missingSecrets(
  db: Db,
  options: { secretsTableExists: boolean },
): Promise<MissingSecretsReport> {
  const report: MissingSecretsReport = { channelBindings: [], notificationConfigs: [] };
  const present = async (name: string | undefined) => {
    if (!name || !options.secretsTableExists) return false;
    const out = await db.raw.send(
      new GetItemCommand({
        TableName: db.tables.secrets,
        Key: { secret_name: { S: name } },
        ProjectionExpression: "secret_name",
      }),
    );
    return out.Item !== undefined;
  };
  await scanPages(db, db.tables.channelBindings, async (items) => {
    for (const item of items) {
      if (!(await present(item.secret_name?.S)))
        report.channelBindings.push(item.binding_id?.S ?? "?");
    }
  });
  await scanPages(db, db.tables.notificationConfigs, async (items) => {
    for (const item of items) {
      if (!(await present(item.bot_token_secret_name?.S)))
        report.notificationConfigs.push(item.config_id?.S ?? "?");
    }
  });
  report.channelBindings.sort();
  report.notificationConfigs.sort();
  return report;
}
