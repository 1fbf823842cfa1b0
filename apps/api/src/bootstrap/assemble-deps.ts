import { createKnowledgeBase, type LlmProviders } from "@agents-crm/ai";
import type { ServerEnv } from "@agents-crm/config/env";
import { randomBytes } from "node:crypto";
import { createUlidFactory, systemNow, type Db, type Repositories } from "@agents-crm/db";
import type { FileStore } from "@agents-crm/files";
import type { ApiDeps } from "../deps";
import type { Logger } from "../logger";
import { createRateLimiter } from "../security/rate-limiter";
import { createClusterRateLimiter } from "../security/cluster-rate-limiter";
import { createInboxSignal } from "../channels/inbox-signal";
import { createMailer } from "../mail/mailer";
import { createFileService } from "../files/file-service";
import { createFileLinkSigner } from "../files/file-links";
import { fileStoreFromEnv } from "../files/file-store-from-env";
import { resolveReplicaId } from "../cluster/replica-id";
import { startTurnHandoff } from "../cluster/turn-handoff";
import {
  startConversationRuntime,
  type StartedConversationRuntime,
} from "../realtime/conversation-runtime";

/**
 * The API's dependencies on an open database and the model providers: the conversation runtime
 * (hub, turn lanes, alerts), the knowledge base, the rate limiter and the inbox signal. The server
 * and the tests build them here, so a test runs on what the server runs on.
 */
export function assembleDeps(input: {
  env: ServerEnv;
  db: Db;
  repos: Repositories;
  llm: LlmProviders;
  log: Logger;
  /** Where files go; from the environment (DATA_DIR/files or S3) unless a test gives its own. */
  fileStore?: FileStore;
  /** Signs file links (deriveFileLinkKey of the server's secret); random, so per process, when absent. */
  fileLinkKey?: Uint8Array;
}): { deps: ApiDeps; runtime: StartedConversationRuntime } {
  const { env, db, repos, llm, log } = input;
  // The re-alert sweep is a cluster job (cluster/background-jobs.ts) the server starts: once per cluster.
  const replicaId = resolveReplicaId(env.REPLICA_ID);
  const runtime = startConversationRuntime({ env, repos, log, sweep: false, replicaId });
  const deps: ApiDeps = {
    ...runtime.deps,
    env,
    db,
    repos,
    llm,
    knowledge: createKnowledgeBase({ chunks: repos.ragChunks, embedder: llm.embedder }),
    log,
    startedAt: new Date(),
    replicaId,
    // With Redis (several replicas) a client's calls are counted across the cluster; without, per process.
    rateLimiter: env.REDIS_URL
      ? createClusterRateLimiter({ limit: env.RATE_LIMIT_PER_MINUTE, redisUrl: env.REDIS_URL, log })
      : createRateLimiter({ limit: env.RATE_LIMIT_PER_MINUTE }),
    inboxSignal: createInboxSignal(),
    mailer: createMailer(env),
    files: createFileService({
      store: input.fileStore ?? fileStoreFromEnv(env),
      repos,
      signer: createFileLinkSigner(input.fileLinkKey ?? randomBytes(32)),
      newId: createUlidFactory(systemNow),
      publicUrl: env.APP_URL,
      log,
    }),
  };
  // Web-chat messages other replicas stored for conversations this one runs (ends with the hub).
  startTurnHandoff(deps);
  return { deps, runtime };
}
