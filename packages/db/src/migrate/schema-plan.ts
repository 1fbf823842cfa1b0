import { DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";
import { definitionTypes, describeKey, keySchema } from "../provision/table-spec";
import { isTtlApiMissing } from "../provision/ttl";
import { describeTable } from "../provision/wait";
import { TABLE_DEFINITIONS } from "../tables/definitions";

/**
 * What provisioning would change on this database, read without changing anything: the dry run's
 * schema section, and the blocking problems (a table whose key differs) checked before any write.
 */
export interface SchemaPlan {
  tablesToCreate: string[];
  /** `table/index` */
  indexesToAdd: string[];
  /** `table.attribute` */
  ttlToEnable: string[];
  /** Indexes this project does not use (the reference's unused audit-log GSIs): left in place. */
  extraIndexes: string[];
  /** Tables whose primary key is not the one this project needs: nothing can migrate them in place. */
  keyMismatches: string[];
  /** TTL on another attribute, or a state provisioning cannot settle. */
  ttlWarnings: string[];
}

async function ttlStatus(db: Db, tableName: string) {
  try {
    const out = await db.raw.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    return {
      status: out.TimeToLiveDescription?.TimeToLiveStatus,
      attribute: out.TimeToLiveDescription?.AttributeName,
    };
  } catch (error) {
    // An engine without the TTL API (dynalite, Alternator): the API's expiry sweep stands in for it.
    if (isTtlApiMissing(error)) return null;
    throw error;
  }
}

export async function planSchema(db: Db): Promise<SchemaPlan> {
  const plan: SchemaPlan = {
    tablesToCreate: [],
    indexesToAdd: [],
    ttlToEnable: [],
    extraIndexes: [],
    keyMismatches: [],
    ttlWarnings: [],
  };
  for (const definition of TABLE_DEFINITIONS) {
    const tableName = db.tables[definition.id];
    const existing = await describeTable(db, tableName);
    if (!existing) {
      plan.tablesToCreate.push(tableName);
      if (definition.ttlAttribute && db.engine !== "embedded")
        plan.ttlToEnable.push(`${tableName}.${definition.ttlAttribute}`);
      continue;
    }
    const types = new Map(
      (existing.AttributeDefinitions ?? []).map((a) => [
        a.AttributeName ?? "",
        a.AttributeType ?? "",
      ]),
    );
    const actual = describeKey(existing.KeySchema, types);
    const expected = describeKey(keySchema(definition), definitionTypes(definition));
    if (actual !== expected)
      plan.keyMismatches.push(`${tableName}: [${actual}], needs [${expected}]`);
    const present = (existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName ?? "");
    for (const index of definition.indexes) {
      if (!present.includes(index.name)) plan.indexesToAdd.push(`${tableName}/${index.name}`);
    }
    for (const name of present) {
      if (!definition.indexes.some((i) => i.name === name))
        plan.extraIndexes.push(`${tableName}/${name}`);
    }
    // The embedded engine has no TTL deletion; its readers treat expired items as absent.
    if (!definition.ttlAttribute || db.engine === "embedded") continue;
    const ttl = await ttlStatus(db, tableName);
    if (!ttl) {
      plan.ttlWarnings.push(
        `${tableName}: this engine has no TTL API; the API's expiry sweep deletes expired items`,
      );
      continue;
    }
    const on = ttl.status === "ENABLED" || ttl.status === "ENABLING";
    if (!on && ttl.status !== "DISABLING")
      plan.ttlToEnable.push(`${tableName}.${definition.ttlAttribute}`);
    else if (ttl.status === "DISABLING" || ttl.attribute !== definition.ttlAttribute) {
      plan.ttlWarnings.push(
        `${tableName}: TTL is ${ttl.status} on "${ttl.attribute}", this project expires items on "${definition.ttlAttribute}"`,
      );
    }
  }
  for (const list of [
    plan.tablesToCreate,
    plan.indexesToAdd,
    plan.ttlToEnable,
    plan.extraIndexes,
    plan.keyMismatches,
    plan.ttlWarnings,
  ])
    list.sort();
  return plan;
}
