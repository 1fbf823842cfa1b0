import { createKnowledgeBase, type LlmProviders } from "@agents-crm/ai";
import type { ServerEnv } from "@agents-crm/config/env";
import type { Db, Repositories } from "@agents-crm/db";
import type { ApiDeps } from "../deps";
import type { Logger } from "../logger";
import { createRateLimiter } from "../security/rate-limiter";
import { createInboxSignal } from "../channels/inbox-signal";
import { createMailer } from "../mail/mailer";
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
  };
  return { deps, runtime };
}
