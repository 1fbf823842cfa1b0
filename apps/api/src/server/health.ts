import { databaseAnswers } from "@agents-crm/db";
import type { ApiDeps } from "../deps";

const CACHE_MS = 2_000;
const TIMEOUT_MS = 1_500;
let last: { at: number; ok: boolean; deps: ApiDeps } | null = null;

/**
 * Readiness: one cheap probe of the database (packages/db), cached briefly so a load balancer polling /health does not turn
 * into database traffic.
 */
export async function checkDatabase(
  deps: ApiDeps,
): Promise<{ ok: boolean; reason?: "storage unavailable" }> {
  // The embedded engine reads fine while a storage fault pauses its writes: not ready all the same.
  if (deps.db.storageFault()) return { ok: false, reason: "storage unavailable" };
  if (last && last.deps === deps && Date.now() - last.at < CACHE_MS) return { ok: last.ok };
  const ok = await databaseAnswers(deps.db, TIMEOUT_MS);
  last = { at: Date.now(), ok, deps };
  return { ok };
}

/**
 * `/health/live` — liveness: the process answers, nothing else is asked, so a database outage never
 * makes a supervisor (Docker, ECS) restart healthy processes. `/health` and `/health/ready` — readiness:
 * the database answers too; load balancers route traffic by it.
 */
const HEALTH_PATHS = new Set(["/health", "/health/ready", "/health/live"]);

export const isHealthPath = (path: string) => HEALTH_PATHS.has(path);

export async function healthBody(deps: ApiDeps, path = "/health") {
  if (path === "/health/live") {
    return {
      status: 200,
      body: {
        status: "alive",
        version: deps.env.APP_VERSION,
        environment: deps.env.ENVIRONMENT,
        uptimeSeconds: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
      },
    };
  }
  const { ok, reason = "database unreachable" } = await checkDatabase(deps);
  return {
    status: ok ? 200 : 503,
    body: {
      status: ok ? "healthy" : "unhealthy",
      version: deps.env.APP_VERSION,
      environment: deps.env.ENVIRONMENT,
      ...(ok ? {} : { reason }),
    },
  };
}
