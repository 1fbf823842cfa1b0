import { z } from "zod";
import { corsOrigins, envBoolean, envNumber, envUrl, optionalString } from "./env-parsers";
import { checkSmtpEnv, smtpEnvSchema } from "./smtp-env";
import { s3EnvSchema } from "./s3-env";
import { observabilityEnvSchema } from "./observability-env";
import { twilioEnvSchema } from "./twilio-env";
import { tableEnvSchema, tableNamesFrom, type TableNames } from "./tables";
import { trustProxy } from "./trust-proxy";

export type { TrustProxy } from "./trust-proxy";

export const DEFAULT_META_GRAPH_API_VERSION = "v26.0";

/**
 * The API's environment: the reference product's variable names and defaults (seed guide, reference §6)
 * plus what this project adds. This file is the only place that reads `process.env`.
 */
export const serverEnvSchema = z
  .object({
    APP_NAME: optionalString.default("Agents CRM API"),
    APP_VERSION: optionalString.default("0.1.0"),
    ENVIRONMENT: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined),
      z.enum(["development", "test", "staging", "production"]).default("development"),
    ),
    DEBUG: envBoolean(false),
    HOST: optionalString.default("0.0.0.0"),
    PORT: envNumber(8000, { min: 0, max: 65535, int: true }),
    APP_URL: envUrl(["http:", "https:"]),
    DATA_DIR: optionalString.default("./.data"),

    /**
     * Seconds a graceful stop (SIGTERM) gives running turns before leaving them to the next process:
     * less than the platform's kill timeout (`npm start` 8 s, Docker 10 s).
     */
    SHUTDOWN_TIMEOUT: envNumber(5, { min: 0, max: 600 }),

    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: envUrl(["http:", "https:"]),
    OPENAI_MODEL: optionalString.default("gpt-4o-mini"),
    OPENAI_TEMPERATURE: envNumber(0.2, { min: 0, max: 2 }),
    OPENAI_MAX_TOKENS: envNumber(600, { min: 1, max: 4096, int: true }),
    OPENAI_TIMEOUT: envNumber(30, { min: 1, max: 600 }),
    OPENAI_MAX_RETRIES: envNumber(3, { min: 0, max: 10, int: true }),
    OPENAI_EMBEDDING_MODEL: optionalString.default("text-embedding-3-small"),
    OPENAI_EMBEDDING_DIMENSIONS: envNumber(1536, { min: 1, max: 8192, int: true }),
    /** Voice notes are transcribed (POST {OPENAI_BASE_URL}/audio/transcriptions) only when set. */
    TRANSCRIPTION_MODEL: optionalString,
    /** The chat model reads images: customers' photos go into the turn's one chat call. */
    OPENAI_VISION: envBoolean(false),
    SECRETS_MANAGER_OPENAI_KEY_NAME: optionalString.default("doctor-agent/openai-api-key"),
    SECRETS_MANAGER_REGION: optionalString,
    SECRETS_MANAGER_ENDPOINT_URL: envUrl(["http:", "https:"]),

    AWS_REGION: optionalString.default("us-east-1"),
    AWS_ACCESS_KEY_ID: optionalString,
    AWS_SECRET_ACCESS_KEY: optionalString,
    AWS_SESSION_TOKEN: optionalString,
    AWS_PROFILE: optionalString,
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: optionalString,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: optionalString,
    AWS_WEB_IDENTITY_TOKEN_FILE: optionalString,
    DYNAMODB_MODE: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined),
      z.enum(["auto", "aws", "endpoint", "embedded"]).default("auto"),
    ),
    DYNAMODB_ENDPOINT_URL: envUrl(["http:", "https:"]),
    DYNAMODB_AUTO_PROVISION: envBoolean(false),
    MESSAGE_TTL_HOURS: envNumber(48, { min: 0, max: 24 * 365 * 10 }),

    ADMIN_TOKEN: optionalString.pipe(
      z.string().min(16, "must be at least 16 characters (e.g. openssl rand -hex 32)").optional(),
    ),
    ADMIN_EMAIL: optionalString.pipe(z.email("must be an email address").optional()),
    ADMIN_PASSWORD: optionalString.pipe(
      z.string().min(10, "must be at least 10 characters").optional(),
    ),
    SESSION_TTL_HOURS: envNumber(12, { min: 0.1, max: 24 * 90 }),
    SECRET_ENCRYPTION_KEY: optionalString,
    SEED_DEMO: envBoolean(true),

    CORS_ORIGINS: corsOrigins,
    CORS_ALLOW_CREDENTIALS: envBoolean(true),
    // Per client address: anonymous callers (sign-in page, customers' chats) and socket opens. A console
    // page load costs 3–8 calls plus a socket, so signed-in staff count per account instead (below).
    RATE_LIMIT_PER_MINUTE: envNumber(120, { min: 1, max: 1_000_000, int: true }),
    RATE_LIMIT_STAFF_PER_MINUTE: envNumber(600, { min: 1, max: 1_000_000, int: true }),
    TRUST_PROXY: trustProxy,
    /** Live subscriptions open at once from one client address (each console tab or web chat holds one). */
    SUBSCRIPTIONS_PER_ADDRESS: envNumber(100, { min: 1, max: 1_000_000, int: true }),
    WEBSOCKET_PING_INTERVAL: envNumber(25, { min: 1, max: 600 }),
    WEBSOCKET_PING_TIMEOUT: envNumber(5, { min: 1, max: 600 }),
    /** Seconds a client may take to send a request's headers. */
    HTTP_HEADERS_TIMEOUT: envNumber(10, { min: 0.1, max: 600 }),
    /** Seconds an unfinished request body may go without a byte before the connection is cut. */
    HTTP_BODY_IDLE_TIMEOUT: envNumber(10, { min: 0.1, max: 600 }),
    /** Seconds to receive a whole request: a 15 MB upload needs about 1 Mbit/s at the default. */
    HTTP_REQUEST_TIMEOUT: envNumber(120, { min: 1, max: 3600 }),
    REDIS_URL: envUrl(["redis:", "rediss:"]),
    /** This replica's name in cluster leases and logs; default `<hostname>-<pid>-<random>`. */
    REPLICA_ID: optionalString.pipe(
      z
        .string()
        .regex(/^[\w.:#-]{1,128}$/, "must be 1-128 letters, digits or . _ : # -")
        .optional(),
    ),
    /** An escalation nobody took over is alerted again after this long; 0 turns re-alerts off. */
    ESCALATION_REALERT_MINUTES: envNumber(15, { min: 0, max: 7 * 24 * 60 }),

    INSTAGRAM_WEBHOOK_VERIFY_TOKEN: optionalString,
    INSTAGRAM_APP_SECRET: optionalString,
    /**
     * The Graph API version both Meta base URLs use unless they are given whole. v26.0 is the current
     * version (released 2026-07-29, no expiry set); v21.0 expires on 2027-01-21:
     * https://developers.facebook.com/docs/graph-api/changelog/versions/
     */
    META_GRAPH_API_VERSION: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
      z
        .string()
        .regex(/^v\d{1,3}\.\d$/, 'must look like "v26.0"')
        .default(DEFAULT_META_GRAPH_API_VERSION),
    ),
    /** A whole URL (version included) wins over META_GRAPH_API_VERSION: tests and proxies. */
    INSTAGRAM_GRAPH_BASE_URL: envUrl(["http:", "https:"]),
    TELEGRAM_API_BASE_URL: envUrl(["http:", "https:"]).default("https://api.telegram.org"),
    WHATSAPP_VERIFY_TOKEN: optionalString,
    WHATSAPP_APP_SECRET: optionalString,
    WHATSAPP_GRAPH_BASE_URL: envUrl(["http:", "https:"]),
    /** Development only: accept platform webhooks that no configured secret can verify. */
    ALLOW_UNSIGNED_WEBHOOKS: envBoolean(false),
  })
  .extend(tableEnvSchema.shape)
  .extend(smtpEnvSchema.shape)
  .extend(s3EnvSchema.shape)
  .extend(observabilityEnvSchema.shape)
  .extend(twilioEnvSchema.shape)
  .superRefine((env, ctx) => {
    checkSmtpEnv(env, ctx);
    if (env.CORS_ALLOW_CREDENTIALS && env.CORS_ORIGINS.includes("*")) {
      ctx.addIssue({
        code: "custom",
        path: ["CORS_ORIGINS"],
        message: '"*" cannot be combined with credentials: list the web app\'s origins instead',
      });
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [env.ADMIN_EMAIL === undefined ? "ADMIN_EMAIL" : "ADMIN_PASSWORD"],
        message:
          "ADMIN_EMAIL and ADMIN_PASSWORD are set together (they bootstrap the owner account)",
      });
    }
    if (env.DYNAMODB_MODE === "endpoint" && env.DYNAMODB_ENDPOINT_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["DYNAMODB_ENDPOINT_URL"],
        message: "is required when DYNAMODB_MODE=endpoint",
      });
    }
    if (env.ENVIRONMENT === "production") {
      if (env.SECRET_ENCRYPTION_KEY === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["SECRET_ENCRYPTION_KEY"],
          message:
            "is required in production (32 random bytes, base64: openssl rand -base64 32) so channel tokens are not encrypted with a throw-away key",
        });
      }
      if (env.APP_URL === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["APP_URL"],
          message: "is required in production (links in alerts and webhook URLs are built from it)",
        });
      }
      if (env.ALLOW_UNSIGNED_WEBHOOKS) {
        ctx.addIssue({
          code: "custom",
          path: ["ALLOW_UNSIGNED_WEBHOOKS"],
          message:
            "is development-only (anyone could post messages as Meta or Telegram): unset it and set INSTAGRAM_APP_SECRET / WHATSAPP_APP_SECRET or each binding's app secret",
        });
      }
    }
  })
  .transform((env) => ({
    ...env,
    INSTAGRAM_GRAPH_BASE_URL:
      env.INSTAGRAM_GRAPH_BASE_URL ?? `https://graph.instagram.com/${env.META_GRAPH_API_VERSION}`,
    WHATSAPP_GRAPH_BASE_URL:
      env.WHATSAPP_GRAPH_BASE_URL ?? `https://graph.facebook.com/${env.META_GRAPH_API_VERSION}`,
  }));

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** One line naming every variable that is wrong, fit for a start-up failure. */
export class EnvError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid environment: ${problems.map((p) => `${p.variable} ${p.message}`).join("; ")}`);
    this.name = "EnvError";
  }
}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? "environment"),
      message: issue.message,
    })),
  );
}

export function loadServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  // The AWS SDK warns on every start that its releases after January 2027 need Node 22; the SDK is
  // pinned by package-lock.json, so the warning would only bury the start-up lines people need.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return parseServerEnv(source);
}

export function tableNames(env: ServerEnv): TableNames {
  return tableNamesFrom(env);
}

/** Which DynamoDB the server talks to, decided once from the environment. */
export function resolveDynamoMode(env: ServerEnv): "aws" | "endpoint" | "embedded" {
  if (env.DYNAMODB_MODE !== "auto") return env.DYNAMODB_MODE;
  if (env.DYNAMODB_ENDPOINT_URL !== undefined) return "endpoint";
  const hasAwsCredentials =
    (env.AWS_ACCESS_KEY_ID !== undefined && env.AWS_SECRET_ACCESS_KEY !== undefined) ||
    env.AWS_PROFILE !== undefined ||
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI !== undefined ||
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI !== undefined ||
    env.AWS_WEB_IDENTITY_TOKEN_FILE !== undefined;
  return hasAwsCredentials ? "aws" : "embedded";
}
