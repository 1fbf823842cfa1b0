import { SESSION_COOKIE } from "@agents-crm/config/staff";
import type { IncomingMessage } from "node:http";
import type { ServerEnv } from "@agents-crm/config/env";
import { readCookie } from "../auth/session-cookie";
import type { Logger } from "../logger";

type OriginEnv = Pick<ServerEnv, "CORS_ORIGINS" | "CORS_ALLOW_CREDENTIALS" | "APP_URL">;

function firstHeader(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(",")[0]?.trim() || null;
}

function parseOrigin(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.origin === "null" ? null : url;
  } catch {
    return null;
  }
}

/** Whether `host` (a Host header) names the same host and port as `origin`, default ports included. */
function sameHost(origin: URL, host: string | null): boolean {
  if (!host) return false;
  try {
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}

/**
 * Cross-site WebSocket hijacking: a browser sends the session cookie with an upgrade started by any page
 * of the same site (another port, a sibling subdomain — SameSite does not separate those), and CORS does
 * not apply to WebSockets. So the cookie counts only when the upgrade comes from where the web app is
 * served: the host the browser asked for (directly, or as the web app's proxy saw it in X-Forwarded-Host,
 * which a page cannot set), `APP_URL`, or `CORS_ORIGINS` when credentials are allowed. Browsers always
 * send Origin on an upgrade; a client without one is not a browser and holds its own cookie.
 */
export function cookieOriginAllowed(req: IncomingMessage, env: OriginEnv): boolean {
  const header = firstHeader(req.headers.origin);
  if (header === null) return true;
  const origin = parseOrigin(header);
  if (!origin) return false;
  if (sameHost(origin, firstHeader(req.headers["x-forwarded-host"]))) return true;
  if (sameHost(origin, firstHeader(req.headers.host))) return true;
  if (env.APP_URL !== undefined && parseOrigin(env.APP_URL)?.origin === origin.origin) return true;
  return env.CORS_ALLOW_CREDENTIALS && env.CORS_ORIGINS.includes(origin.origin);
}

/** The session cookie of a WebSocket upgrade, or null when it came from a foreign origin (then ignored). */
export function upgradeSessionCookie(
  deps: { env: OriginEnv; log: Logger },
  req: IncomingMessage,
): string | null {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (token === null || cookieOriginAllowed(req, deps.env)) return token;
  // An attack, or a two-domain deployment whose web app is missing from CORS_ORIGINS: say which.
  deps.log.warn("websocket session cookie ignored: the upgrade came from a foreign origin", {
    origin: firstHeader(req.headers.origin),
    hint: "add the web app's origin to CORS_ORIGINS if this is your console",
  });
  return null;
}
