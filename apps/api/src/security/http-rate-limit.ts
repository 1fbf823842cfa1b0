import { SESSION_COOKIE } from "@agents-crm/config/staff";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken } from "../auth/machine-token";
import { readCookie } from "../auth/session-cookie";
import type { Credentials } from "../auth/resolve-principal";
import { clientIpOf } from "../context";
import type { ApiDeps } from "../deps";
import { tooManyRequests } from "../trpc-errors";
import { chargeCaller, chargeKnownCaller, type Caller } from "./caller-budget";

type Deps = Pick<ApiDeps, "env" | "rateLimiter" | "repos">;

export const REQUEST_LIMIT_MESSAGE = "Too many requests. Please try again later.";

export const credentialsOf = (req: IncomingMessage): Credentials => ({
  bearer: bearerToken(req.headers.authorization),
  sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE),
});

const callerOf = (deps: Deps, req: IncomingMessage): Caller => ({
  credentials: credentialsOf(req),
  ip: clientIpOf(req, deps.env.TRUST_PROXY),
});

const retrySeconds = (retryAfterMs: number) => Math.max(1, Math.ceil(retryAfterMs / 1000));

/** The refusal of a whole request, before anything ran: clients may send it again after the wait. */
export const requestLimited = (retryAfterMs: number) =>
  tooManyRequests(REQUEST_LIMIT_MESSAGE, retrySeconds(retryAfterMs), "request");

/**
 * For `/trpc/*` only (webhooks, /health and /docs are exempt), from tRPC's createContext: that runs
 * before the body is read, and an error thrown there reaches the client in tRPC's own error shape, so
 * the console can read the wait instead of failing to parse a foreign body. A batch costs one call per
 * procedure in it.
 */
export async function chargeHttpRequest(
  deps: Deps,
  req: IncomingMessage,
  res: ServerResponse,
  calls: number,
): Promise<void> {
  const decision = await chargeCaller(deps, callerOf(deps, req), Math.max(1, calls));
  if (decision.allowed) return;
  res.setHeader("Retry-After", String(retrySeconds(decision.retryAfterMs)));
  throw requestLimited(decision.retryAfterMs);
}

/**
 * Opening a WebSocket costs one call, so reconnect loops spend the same budget. Returns the raw HTTP
 * refusal to write on the socket, or null to proceed with the upgrade.
 */
export function upgradeRefusal(deps: Deps, req: IncomingMessage): string | null {
  const decision = chargeKnownCaller(deps, callerOf(deps, req));
  if (decision.allowed) return null;
  const seconds = retrySeconds(decision.retryAfterMs);
  return `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${seconds}\r\nConnection: close\r\n\r\n`;
}
