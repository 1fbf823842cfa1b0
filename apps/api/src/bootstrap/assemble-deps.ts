import { createKnowledgeBase, type LlmProviders } from "@agents-crm/ai";
import type { ServerEnv } from "@agents-crm/config/env";
import { randomBytes } from "node:crypto";
import { createUlidFactory, systemNow, type Db, type Repositories } from "@agents-crm/db";
import type { FileStore } from "@agents-crm/files";
import type { ApiDeps } from "../deps";
import type { Logger } from "../logger";
import { createRateLimiter } from "../security/rate-limiter";
import { createInboxSignal } from "../channels/inbox-signal";
import { createChannelSecrets } from "../channels/settings/channel-secrets";
import { createMailer } from "../mail/mailer";
import { createFileService } from "../files/file-service";
import { createFileLinkSigner } from "../files/file-links";
import { fileStoreFromEnv } from "../files/file-store-from-env";
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
  /** Off in tests that call `alerts.sweep()` themselves. */
  sweep?: boolean;
  /** Where files go; from the environment (DATA_DIR/files or S3) unless a test gives its own. */
  fileStore?: FileStore;
  /** Signs file links (deriveFileLinkKey of the server's secret); random, so per process, when absent. */
  fileLinkKey?: Uint8Array;
}): { deps: ApiDeps; runtime: StartedConversationRuntime } {
  const { env, db, repos, llm, log } = input;
  const runtime = startConversationRuntime({ env, repos, log, sweep: input.sweep });
  const deps: ApiDeps = {
    ...runtime.deps,
    env,
    db,
    repos,
    llm,
    knowledge: createKnowledgeBase({ chunks: repos.ragChunks, embedder: llm.embedder }),
    log,
    startedAt: new Date(),
    rateLimiter: createRateLimiter({ limit: env.RATE_LIMIT_PER_MINUTE }),
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
    channelSecrets: createChannelSecrets({ env, repos }),
  };
  return { deps, runtime };
}
