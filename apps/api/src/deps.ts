import type { ServerEnv } from "@agents-crm/config/env";
import type { KnowledgeBase, LlmProviders } from "@agents-crm/ai";
import type { Db, Repositories } from "@agents-crm/db";
import type { Logger } from "./logger";
import type { RateLimiter } from "./security/rate-limiter";

/** Everything a request handler may use; built once at start-up (or per test). */
export interface ApiDeps {
  env: ServerEnv;
  db: Db;
  repos: Repositories;
  llm: LlmProviders;
  knowledge: KnowledgeBase;
  log: Logger;
  startedAt: Date;
  /** Per client IP, per process: HTTP /trpc requests and WebSocket calls. */
  rateLimiter: RateLimiter;
}
