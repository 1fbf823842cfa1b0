import type { ServerEnv } from "@agents-crm/config/env";
import type { KnowledgeBase, LlmProviders } from "@agents-crm/ai";
import type { Db, Repositories } from "@agents-crm/db";
import type { InboxSignal } from "./channels/inbox-signal";
import type { ChannelSecrets } from "./channels/settings/channel-secrets";
import type { FileService } from "./files/file-service";
import type { Logger } from "./logger";
import type { Mailer } from "./mail/mailer";
import type { Metrics } from "./observability/metrics";
import type { Tracer } from "./observability/tracing";
import type { ConversationRuntime } from "./realtime/conversation-runtime";
import type { RateLimiter } from "./security/rate-limiter";

/**
 * Everything a request handler may use; built once at start-up (or per test). From ConversationRuntime:
 * `hub` (real-time events), `turns` (per-conversation turn lanes), `alerts` (escalation alerts),
 * `work` (background work that shutdown waits for).
 */
export interface ApiDeps extends ConversationRuntime {
  env: ServerEnv;
  db: Db;
  repos: Repositories;
  llm: LlmProviders;
  knowledge: KnowledgeBase;
  log: Logger;
  startedAt: Date;
  /** This process's name in the cluster (REPLICA_ID or `<hostname>-<pid>-<random>`): lease holder. */
  replicaId: string;
  /** Per client IP: HTTP /trpc requests and WebSocket calls; across replicas with REDIS_URL. */
  rateLimiter: RateLimiter;
  /** Webhooks notify it after storing inbox events; this process's inbox workers subscribe. */
  inboxSignal: InboxSignal;
  /** The SMTP server for sign-in codes; null when none is configured (password sign-in only). */
  mailer: Mailer | null;
  /** Files: the store (DATA_DIR/files or S3), saving with checks, serving, signed links, deletion. */
  files: FileService;
  /** This replica's Prometheus registry (`/metrics`). */
  metrics: Metrics;
  /** Spans of turns and jobs, exported over OTLP when configured; a no-op otherwise. */
  tracer: Tracer;
  /** Platform-wide channel secrets (Meta app secrets, verify tokens, Twilio): environment, else console. */
  channelSecrets: ChannelSecrets;
}
