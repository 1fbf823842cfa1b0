import { resolve } from "node:path";
import type { ServerEnv } from "@agents-crm/config/env";
import { resolveDynamoMode } from "@agents-crm/config/env";
import {
  backfillAfterProvision,
  backfillSnoozeIndexOnce,
  openDatabaseFromEnv,
  provisionTables,
} from "@agents-crm/db";
import type { ApiDeps } from "../deps";
import type { Logger } from "../logger";
import { databaseOpenError, prepareDataDir } from "./data-dir";
import { ensureInitialAdmin, type InitialAdmin } from "./initial-admin";
import { ensureCannedResponses } from "./canned-responses";
import { ensureDemoAgent } from "./demo-agent";
import { productionDatabaseRefusal } from "./production-safety";
import { reconcileKnowledge } from "./index-knowledge";
import { openRepositories } from "./repositories";
import { assertTablesExist } from "./required-tables";
import { createLlm } from "./llm";
import { StartupError } from "./startup-error";
import { startChannelWorkers } from "../channels/worker/channel-workers";
import { assembleDeps } from "./assemble-deps";
import { startBackgroundJobs } from "../cluster/background-jobs";
import { tablesWithoutTtl } from "../cluster/expiry-sweep";

export interface Services {
  deps: ApiDeps;
  initialAdmin: InitialAdmin;
  /** Settles when every agent's knowledge index is current (it runs after the server is up). */
  knowledgeReady: Promise<void>;
  /**
   * The start of a graceful stop: takes no new turns and claims no inbox items from now on; turns under
   * way get until `deadline`, then the unfinished ones are left to the next process.
   */
  drain(deadline: number): Promise<void>;
  close(): Promise<void>;
}

export class UnsafeConfigurationError extends StartupError {
  override name = "UnsafeConfigurationError";
}

type Database = Awaited<ReturnType<typeof openDatabaseFromEnv>>;

/** The embedded database and, without SECRET_ENCRYPTION_KEY, the generated key live in DATA_DIR. */
async function openStorage(env: ServerEnv, log: Logger, dataDir: string): Promise<Database> {
  if (resolveDynamoMode(env) === "embedded" || !env.SECRET_ENCRYPTION_KEY) {
    const { loose } = await prepareDataDir(dataDir);
    if (loose.length > 0) {
      log.warn("DATA_DIR files stay readable by others: chown them to the API's user", {
        paths: loose.slice(0, 10),
      });
    }
  }
  return openDatabaseFromEnv(env, {
    onStorageFault: (fault) => {
      if (fault) {
        log.error("storage fault: writes paused (503) until the disk has room again", {
          dataDir,
          error: fault.message,
        });
      } else log.info("storage recovered: writes resumed", { dataDir });
    },
  }).catch((error: unknown) => {
    throw databaseOpenError(error, dataDir) ?? error;
  });
}

/** Creates the tables when we own the database; otherwise checks that someone did. */
async function ensureTables(env: ServerEnv, log: Logger, db: Database): Promise<void> {
  if (resolveDynamoMode(env) === "embedded" || env.DYNAMODB_AUTO_PROVISION) {
    const report = await provisionTables(db);
    if (report.created.length > 0 || report.indexesAdded.length > 0) {
      log.info("database provisioned", {
        created: report.created.length,
        indexesAdded: report.indexesAdded.length,
      });
    }
    const queued = await backfillAfterProvision(db, report);
    if (queued > 0) log.info("needs-human queue backfilled", { conversations: queued });
  } else {
    await assertTablesExist(db, env.DYNAMODB_ENDPOINT_URL ?? `AWS (${env.AWS_REGION})`);
    // Indexes made by Terraform get no provisioning report: the snooze index's keys come from here.
    const keyed = await backfillSnoozeIndexOnce(db);
    if (keyed > 0) log.info("snooze index backfilled", { conversations: keyed });
  }
}

/** A first run's admin and demo agent, and the refusals that keep production from starting open. */
async function seedFirstRun(
  env: ServerEnv,
  log: Logger,
  repos: ApiDeps["repos"],
  dataDir: string,
): Promise<InitialAdmin> {
  const initialAdmin = await ensureInitialAdmin(env, repos, { persistDir: dataDir });
  if (
    env.ENVIRONMENT === "production" &&
    !env.ADMIN_TOKEN &&
    (await repos.adminUsers.count()) === 0
  ) {
    throw new UnsafeConfigurationError(
      "Refusing to start in production with an open admin API: set ADMIN_TOKEN or ADMIN_EMAIL and ADMIN_PASSWORD",
    );
  }
  const databaseRefusal = productionDatabaseRefusal(env);
  if (databaseRefusal) throw new UnsafeConfigurationError(databaseRefusal);
  if (env.SEED_DEMO) {
    const seeded = await ensureDemoAgent(repos);
    if (seeded) log.info("demo agent seeded", { agentId: seeded });
    const responses = await ensureCannedResponses(repos);
    if (responses > 0) log.info("canned responses seeded", { count: responses });
  }
  return initialAdmin;
}

/** Opens the database (embedded by default), provisions it when we own it, and seeds a first run. */
export async function startServices(env: ServerEnv, log: Logger): Promise<Services> {
  const dataDir = resolve(env.DATA_DIR);
  const db = await openStorage(env, log, dataDir);
  try {
    await ensureTables(env, log, db);
    const { repos, fileLinkKey } = await openRepositories(env, db, dataDir);
    const initialAdmin = await seedFirstRun(env, log, repos, dataDir);
    const llm = await createLlm(env, log);
    const { deps, runtime } = assembleDeps({
      env,
      db,
      repos,
      llm,
      log,
      fileLinkKey,
    });
    const knowledgeReady = reconcileKnowledge(deps);
    // The embedded engine's files open in one process at a time: a lease found now was a dead one's.
    if (db.engine === "embedded") {
      const taken = await repos.inboundEvents.expireAllLeases();
      if (taken > 0) log.info("taking over work a stopped process left", { items: taken });
      const freed = await repos.leases.releaseAll();
      if (freed > 0) log.info("freeing cluster leases a stopped process held", { leases: freed });
    }
    const workers = startChannelWorkers(deps);
    const withoutTtl = await tablesWithoutTtl(db);
    if (withoutTtl.length > 0 && db.engine !== "embedded") {
      log.warn(
        "this DynamoDB endpoint deletes no expired items (no TTL): the API's expiry sweep does",
        {
          tables: withoutTtl.length,
        },
      );
    }
    const jobs = startBackgroundJobs(deps, { tablesWithoutTtl: withoutTtl });
    let draining: Promise<void> | null = null;
    const drain = (deadline: number) =>
      (draining ??= Promise.all([
        runtime.deps.webTurns.stop(deadline),
        workers.stop({ timeoutMs: Math.max(0, deadline - Date.now()) }),
      ]).then(() => undefined));
    return {
      deps,
      initialAdmin,
      knowledgeReady,
      drain,
      close: async () => {
        await (draining ?? workers.stop());
        await jobs.stop();
        await knowledgeReady;
        await runtime.close();
        await deps.rateLimiter.close?.();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
