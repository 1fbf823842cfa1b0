import { randomBytes } from "node:crypto";
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
