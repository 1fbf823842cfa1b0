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
import { createChannelSecrets } from "../channels/settings/channel-secrets";
import { createMailer } from "../mail/mailer";
import { createFileService } from "../files/file-service";
import { createFileLinkSigner } from "../files/file-links";
import { fileStoreFromEnv } from "../files/file-store-from-env";
import { createMetrics } from "../observability/metrics";
import { countDbCommands } from "../observability/db-metrics";
import { countLlmCalls } from "../observability/llm-metrics";
import { countRefusals } from "../observability/rate-limit-metrics";
import { collectScrapeGauges } from "../observability/scrape-gauges";
import { tracerFromEnv } from "../observability/tracer-from-env";
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
  const { env, db, repos, log } = input;
  // The re-alert sweep is a cluster job (cluster/background-jobs.ts) the server starts: once per cluster.
  const replicaId = resolveReplicaId(env.REPLICA_ID);
  // The embedded engine opens in one process; only Redis makes replicas of it (tests share one in memory).
  const soleProcess = db.engine === "embedded" && !env.REDIS_URL;
  const started = startConversationRuntime({
    env,
    repos,
    log,
    sweep: false,
    replicaId,
    soleProcess,
  });
  const metrics = createMetrics();
  metrics.info.set({ replica: replicaId, version: env.APP_VERSION }, 1);
  countDbCommands(db, metrics);
  const llm = countLlmCalls(input.llm, metrics);
  const startedAt = new Date();
  collectScrapeGauges(metrics, { repos, startedAt });
  const { tracer, exporter } = tracerFromEnv(env, log, replicaId);
  // Spans still queued go out before the process ends.
  const runtime: StartedConversationRuntime = {
    ...started,
    close: async (options) => {
      await started.close(options);
      await exporter?.shutdown();
    },
  };
  const deps: ApiDeps = {
    ...started.deps,
    env,
    db,
    repos,
    llm,
    knowledge: createKnowledgeBase({ chunks: repos.ragChunks, embedder: llm.embedder }),
    log,
    startedAt,
    replicaId,
    // With Redis (several replicas) a client's calls are counted across the cluster; without, per process.
    rateLimiter: countRefusals(
      env.REDIS_URL
        ? createClusterRateLimiter({
            limit: env.RATE_LIMIT_PER_MINUTE,
            redisUrl: env.REDIS_URL,
            log,
          })
        : createRateLimiter({ limit: env.RATE_LIMIT_PER_MINUTE }),
      metrics,
    ),
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
    metrics,
    tracer,
    channelSecrets: createChannelSecrets({ env, repos }),
  };
  // Web-chat messages other replicas stored for conversations this one runs (ends with the hub).
  startTurnHandoff(deps);
  return { deps, runtime };
}
