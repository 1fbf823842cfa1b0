import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";
import { TABLE_DEFINITIONS } from "../tables/definitions";
import type { TableDefinition } from "../tables/definitions";
import { addIndex, createTable } from "./create-table";
import { rebuildWithIndexes, recoverRebuild } from "./embedded-rebuild";
import { definitionTypes, describeKey, keySchema } from "./table-spec";
import { ensureTtl } from "./ttl";
import { describeTable } from "./wait";
import type { WaitOptions } from "./wait";

export interface ProvisionReport {
  created: string[];
  /** `table/index` */
  indexesAdded: string[];
  ttlEnabled: string[];
  unchanged: string[];
  warnings: string[];
}

export interface ProvisionOptions {
  log?: (line: string) => void;
  /** Defaults: 5 s on AWS, 50 ms on local engines. */
  pollIntervalMs?: number;
  /** How long to wait for a table or a new index (whose backfill can take long on AWS) to become ACTIVE. */
  timeoutMs?: number;
  /** Only these definitions (tests); all by default. */
  definitions?: readonly TableDefinition[];
}

export class ProvisioningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProvisioningError";
  }
}

function checkPrimaryKey(
  tableName: string,
  existing: TableDescription,
  definition: TableDefinition,
) {
  const existingTypes = new Map(
    (existing.AttributeDefinitions ?? []).map((a) => [
      a.AttributeName ?? "",
      a.AttributeType ?? "",
    ]),
  );
  const actual = describeKey(existing.KeySchema, existingTypes);
  const expected = describeKey(keySchema(definition), definitionTypes(definition));
  if (actual !== expected) {
    throw new ProvisioningError(
      `table ${tableName} has primary key [${actual}] but ${definition.id} needs [${expected}]; ` +
        "keys cannot be changed in place: point DYNAMODB_TABLE_* at another table or migrate it",
    );
  }
}

function indexWarnings(
  tableName: string,
  existing: TableDescription,
  definition: TableDefinition,
): string[] {
  const types = definitionTypes(definition);
  return definition.indexes.flatMap((index) => {
    const found = existing.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.name);
    if (!found) return [];
    const actual = describeKey(found.KeySchema, types);
    const expected = describeKey(keySchema(index), types);
    return actual === expected
      ? []
      : [`${tableName}/${index.name} has key [${actual}], expected [${expected}]; left as is`];
  });
}

async function provisionTable(
  db: Db,
  definition: TableDefinition,
  report: ProvisionReport,
  wait: WaitOptions,
  log: (line: string) => void,
  ttlUnsupported: string[],
): Promise<void> {
  const tableName = db.tables[definition.id];
  let changed = false;
  if (db.engine === "embedded") {
    const recovered = await recoverRebuild(db, tableName, definition, wait);
    if (recovered) report.warnings.push(recovered);
  }
  const existing = await describeTable(db, tableName);
  if (!existing) {
    await createTable(db, tableName, definition, wait);
    report.created.push(tableName);
    log(`created ${tableName}`);
    changed = true;
  } else {
    checkPrimaryKey(tableName, existing, definition);
    report.warnings.push(...indexWarnings(tableName, existing, definition));
    const missing = definition.indexes.filter(
      (i) => !existing.GlobalSecondaryIndexes?.some((e) => e.IndexName === i.name),
    );
    if (missing.length && db.engine === "embedded") {
      const copied = await rebuildWithIndexes(db, tableName, definition, wait);
      log(`rebuilt ${tableName} (${copied} items) to add ${missing.map((i) => i.name).join(", ")}`);
    } else {
      for (const index of missing) {
        log(`adding index ${tableName}/${index.name} (waits for its backfill)`);
        await addIndex(
          db,
          tableName,
          (await describeTable(db, tableName)) ?? existing,
          definition,
          index,
          wait,
        );
      }
    }
    for (const index of missing) report.indexesAdded.push(`${tableName}/${index.name}`);
    changed = missing.length > 0;
  }
  if (definition.ttlAttribute) {
    const ttl = await ensureTtl(db, tableName, definition.ttlAttribute);
    if (ttl === "enabled") {
      report.ttlEnabled.push(tableName);
      log(`enabled TTL on ${tableName}.${definition.ttlAttribute}`);
      changed = true;
    } else if (ttl === "unsupported") {
      ttlUnsupported.push(`${tableName}.${definition.ttlAttribute}`);
    } else if (ttl !== "unchanged") {
      report.warnings.push(ttl.warning);
    }
  }
  if (!changed) report.unchanged.push(tableName);
}

/**
 * Makes the database match TABLE_DEFINITIONS without ever deleting data or changing a key: creates missing
 * tables (on-demand, with their indexes), adds missing indexes to existing tables (so it is safe on an
 * existing deployment of the reference's tables), enables TTL. Idempotent.
 */
export async function provisionTables(
  db: Db,
  options: ProvisionOptions = {},
): Promise<ProvisionReport> {
  const report: ProvisionReport = {
    created: [],
    indexesAdded: [],
    ttlEnabled: [],
    unchanged: [],
    warnings: [],
  };
  const wait: WaitOptions = {
    pollIntervalMs: options.pollIntervalMs ?? (db.engine === "aws" ? 5000 : 50),
    timeoutMs: options.timeoutMs ?? 60 * 60 * 1000,
  };
  const log = options.log ?? (() => undefined);
  const definitions = options.definitions ?? TABLE_DEFINITIONS;
  // Tables are independent: on AWS, creating them in parallel saves minutes.
  const ttlUnsupported: string[] = [];
  const results = await Promise.allSettled(
    definitions.map((definition) =>
      provisionTable(db, definition, report, wait, log, ttlUnsupported),
    ),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
  if (ttlUnsupported.length) {
    report.warnings.push(
      `this DynamoDB engine has no TTL API (TTL on ${ttlUnsupported.sort().join(", ")}): expired items read as absent, and the API's expiry sweep deletes them`,
    );
  }
  const { created, indexesAdded, ttlEnabled, unchanged } = report;
  for (const list of [created, indexesAdded, ttlEnabled, unchanged]) list.sort();
  return report;
}
