import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIpOf } from "../context";
import type { ApiDeps } from "../deps";

/** A batched request (`/trpc/a,b,c?batch=1`) costs one call per procedure in it. */
export function trpcCallCount(path: string): number {
  const procedures = path.slice(path.indexOf("/trpc/") + "/trpc/".length);
  return Math.max(1, procedures.split(",").length);
}

/**
 * For `/trpc/*` only: webhooks are exempt (platforms burst and retry; their signatures guard them) and
 * so is /health. Returns true when the request was refused and answered with 429.
 */
export function refuseOverLimit(
  deps: Pick<ApiDeps, "env" | "rateLimiter">,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): boolean {
  const decision = deps.rateLimiter.take(
    clientIpOf(req, deps.env.TRUST_PROXY),
    trpcCallCount(path),
  );
  if (decision.allowed) return false;
  const body = JSON.stringify({
    error: { code: "TOO_MANY_REQUESTS", message: "Too many requests. Please try again later." },
  });
  res.writeHead(429, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "retry-after": String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))),
  });
  res.end(body);
  return true;
}

/**
 * Opening a WebSocket costs one call, so reconnect loops spend the same budget. Returns the raw HTTP
 * refusal to write on the socket, or null to proceed with the upgrade.
 */
export function upgradeRefusal(
  deps: Pick<ApiDeps, "env" | "rateLimiter">,
  req: IncomingMessage,
): string | null {
  const decision = deps.rateLimiter.take(clientIpOf(req, deps.env.TRUST_PROXY));
  if (decision.allowed) return null;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${seconds}\r\nConnection: close\r\n\r\n`;
}
