import { randomBytes } from "node:crypto";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { expect } from "vitest";
import type { Db } from "../../src/client/db";
import { openDatabase } from "../../src/client/open-database";
import { provisionTables } from "../../src/provision";
import { createRepositories } from "../../src/repositories";
import { resolveEncryptionKey } from "../../src/secrets/encryption-key";
import type { EncryptionKey } from "../../src/secrets/encryption-key";
import { manualClock, recordCommands, uniqueTableNames } from "../../src/testing";

export async function randomKey(): Promise<EncryptionKey> {
  return resolveEncryptionKey({ configured: randomBytes(32).toString("base64") });
}

/** Every item of a table (one scan page: enough for a test's few rows) as JSON text. */
export async function scanText(t: EdgeTestDb, table: string): Promise<string> {
  const out = await t.db.doc.send(new ScanCommand({ TableName: table }));
  return JSON.stringify(out.Items ?? []);
}

/** Asserts `text` stands in none of the reads and in no row of the tables (a secret kept only encrypted). */
export async function expectNowhere(
  t: EdgeTestDb,
  text: string | RegExp,
  reads: unknown[],
  tables: string[],
): Promise<void> {
  for (const read of reads) expect(JSON.stringify(read)).not.toMatch(text);
  for (const table of tables) expect(await scanText(t, table)).not.toMatch(text);
}

export interface EdgeTestDb {
  db: Db;
  key: EncryptionKey;
  clock: ReturnType<typeof manualClock>;
  repos: ReturnType<typeof createRepositories>;
  commands: ReturnType<typeof recordCommands>;
  close(): Promise<void>;
}

/** The real embedded engine in memory, every table provisioned, a manual clock and a random secret key. */
export async function startEdgeTestDb(): Promise<EdgeTestDb> {
  const db = await openDatabase({ mode: "embedded", tables: uniqueTableNames() });
  await provisionTables(db);
  const key = await randomKey();
  const clock = manualClock();
  const repos = createRepositories(db, { now: clock.now, encryptionKey: key });
  return { db, key, clock, repos, commands: recordCommands(db), close: () => db.close() };
}
