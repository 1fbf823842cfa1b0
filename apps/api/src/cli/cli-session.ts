import { resolve } from "node:path";
import { loadServerEnv, resolveDynamoMode, type ServerEnv } from "@agents-crm/config/env";
import { openDatabaseFromEnv, provisionTables } from "@agents-crm/db";
import { createContextInner } from "../context";
import type { ApiDeps } from "../deps";
import { assembleDeps } from "../bootstrap/assemble-deps";
import { databaseOpenError } from "../bootstrap/data-dir";
import { createLlm } from "../bootstrap/llm";
import { openRepositories } from "../bootstrap/repositories";
import { assertTablesExist } from "../bootstrap/required-tables";
import { createLogger } from "../logger";
import { appRouter } from "../router";
import { createCallerFactory } from "../trpc";

const createCaller = createCallerFactory(appRouter);
export type MachineCaller = ReturnType<typeof createCaller>;

export interface CliSession {
  env: ServerEnv;
  deps: ApiDeps;
  /** The router as the machine token calls it: the same validation, rules and audit as over HTTP. */
  caller: MachineCaller;
  close(): Promise<void>;
}

/**
 * The API's dependencies for one command, on the database the environment names (as `npm start` would
 * open it), without the server, its channel workers or its sweeps.
 */
export async function openCliSession(): Promise<CliSession> {
  const env = loadServerEnv();
  const dataDir = resolve(env.DATA_DIR);
  const db = await openDatabaseFromEnv(env).catch((error: unknown) => {
    throw databaseOpenError(error, dataDir) ?? error;
  });
  try {
    if (resolveDynamoMode(env) === "embedded") await provisionTables(db);
    else await assertTablesExist(db, env.DYNAMODB_ENDPOINT_URL ?? `AWS (${env.AWS_REGION})`);
    const { repos, fileLinkKey } = await openRepositories(env, db, dataDir);
    const log = createLogger({
      json: false,
      level: "error",
      write: (l) => process.stderr.write(`${l}\n`),
    });
    const { deps, runtime } = assembleDeps({
      env,
      db,
      repos,
      llm: await createLlm(env, log),
      log,
      fileLinkKey,
    });
    const caller = createCaller(
      createContextInner({
        deps,
        principal: { kind: "machine", id: "machine", name: "API token", role: "owner" },
        userAgent: "agents-crm cli",
      }),
    );
    return {
      env,
      deps,
      caller,
      close: async () => {
        await runtime.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
