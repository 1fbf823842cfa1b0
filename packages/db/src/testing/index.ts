import { randomBytes } from "node:crypto";
import { DEFAULT_TABLE_NAMES } from "@agents-crm/config";
import type { TableNames } from "@agents-crm/config";
import type { Db } from "../client/db";
import { openDatabase } from "../client/open-database";
import { provisionTables } from "../provision/provision";
import { createRepositories } from "../repositories";
import type { RepositoryOptions } from "../repositories";

/** Table names with a random prefix, so several suites can share one engine without interfering. */
export function uniqueTableNames(prefix = `t${randomBytes(4).toString("hex")}`): TableNames {
  return Object.fromEntries(
    Object.entries(DEFAULT_TABLE_NAMES).map(([id, name]) => [id, `${prefix}-${name}`]),
  ) as unknown as TableNames;
}

/** A clock tests move by hand. */
export function manualClock(start = Date.parse("2026-03-01T10:00:00.000Z")) {
  let nowMs = start;
  return {
    now: () => new Date(nowMs),
    advance(ms: number) {
      nowMs += ms;
    },
    set(date: Date) {
      nowMs = date.getTime();
    },
  };
}

/**
 * Names of the DynamoDB operations the client sends (e.g. "QueryCommand"), recorded by a middleware on
 * the real client, so tests can assert how data was read (e.g. never by Scan).
 */
export interface RecordedCommand {
  name: string;
  tableName?: string;
  indexName?: string;
}

export function recordCommands(db: Db): {
  names: string[];
  calls: RecordedCommand[];
  reset(): void;
} {
  const names: string[] = [];
  const calls: RecordedCommand[] = [];
  db.onCommand((name, input) => {
    names.push(name);
    calls.push({
      name,
      tableName: input.TableName as string | undefined,
      indexName: input.IndexName as string | undefined,
    });
  });
  return {
    names,
    calls,
    reset() {
      names.length = 0;
      calls.length = 0;
    },
  };
}

export interface TestDb {
  db: Db;
  repos: ReturnType<typeof createRepositories>;
  commands: ReturnType<typeof recordCommands>;
  close(): Promise<void>;
}

/** The real embedded engine in memory, every table provisioned, repositories on top. */
export async function startTestDb(options: RepositoryOptions = {}): Promise<TestDb> {
  const db = await openDatabase({ mode: "embedded", tables: uniqueTableNames() });
  await provisionTables(db);
  const commands = recordCommands(db);
  return { db, repos: createRepositories(db, options), commands, close: () => db.close() };
}
