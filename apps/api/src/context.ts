import { SESSION_COOKIE } from "@agents-crm/config/staff";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TrustProxy } from "@agents-crm/config/env";
import type { ApiDeps } from "./deps";
import { bearerToken } from "./auth/machine-token";
import type { Principal } from "./auth/principal";
import { resolvePrincipal, type Credentials } from "./auth/resolve-principal";
import { upgradeSessionCookie } from "./security/ws-cookie-origin";
import { LOGIN_CHALLENGE_COOKIE } from "./auth/login-challenge";
import { cookieShouldBeSecure, readCookie, sessionCookie } from "./auth/session-cookie";
import { clientAddressOf, peerIsTrustedProxy, type RequestOrigin } from "./security/client-address";

export type { Principal } from "./auth/principal";

export interface Context {
  deps: ApiDeps;
  requestId: string;
  /** One per WebSocket (its calls share it), one per HTTP request. */
  connectionId: string;
  clientIp: string;
  userAgent: string | null;
  transport: "http" | "ws" | "internal";
  /** True when the client reached us over HTTPS (directly or through a trusted proxy). */
  secure: boolean;
  /** The caller, checked afresh on every call (a WebSocket lives longer than a session may). */
  authenticate(): Promise<Principal>;
  /** What the request carried (the rate limit counts signed-in callers per account). */
  credentials: Credentials;
  /** The session token the request carried, if any (logout revokes it). */
  sessionToken: string | null;
  /** HTTP only: adds a Set-Cookie header to the response. */
  setCookie(value: string): void;
}

/** The pure part: tests and scripts build contexts directly, without HTTP. */
export function createContextInner(input: {
  deps: ApiDeps;
  principal?: Principal;
  credentials?: Credentials;
  requestId?: string;
  clientIp?: string;
  userAgent?: string | null;
  transport?: Context["transport"];
  secure?: boolean;
  setCookie?: (value: string) => void;
}): Context {
  const { deps } = input;
  const credentials = input.credentials ?? null;
  const carried = credentials ?? { bearer: null, sessionToken: null };
  const setCookie = input.setCookie ?? (() => {});
  const secure = input.secure ?? false;
  // A renewed (sliding) session gets a fresh cookie lifetime on HTTP; WebSockets cannot set cookies.
  const onSessionRenewed = (token: string, maxAgeSeconds: number) =>
    setCookie(
      sessionCookie(token, {
        maxAgeSeconds,
        secure: cookieShouldBeSecure(secure, deps.env.ENVIRONMENT),
      }),
    );
  return {
    deps,
    requestId: input.requestId ?? randomUUID(),
    connectionId: randomUUID(),
    clientIp: input.clientIp ?? "127.0.0.1",
    userAgent: input.userAgent ?? null,
    transport: input.transport ?? "internal",
    secure,
    credentials: carried,
    sessionToken: carried.sessionToken,
    authenticate: async () =>
      input.principal ??
      (credentials
        ? resolvePrincipal(deps, credentials, { onSessionRenewed })
        : { kind: "anonymous" }),
    setCookie,
  };
}

/** The client's address, believing X-Forwarded-For only from the proxies TRUST_PROXY names. */
export function clientIpOf(req: RequestOrigin, trust: TrustProxy): string {
  return clientAddressOf(req, trust);
}

/** HTTPS directly, or X-Forwarded-Proto from a trusted proxy. */
export function isSecure(
  req: RequestOrigin & { socket: { encrypted?: boolean } },
  trust: TrustProxy,
): boolean {
  if (req.socket.encrypted) return true;
  const proto = req.headers["x-forwarded-proto"];
  return (
    typeof proto === "string" &&
    proto.split(",")[0]?.trim() === "https" &&
    peerIsTrustedProxy(req, trust)
  );
}

/** The caller's X-Request-Id when it is a plain id, else a new one; the same for HTTP and upgrades. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers["x-request-id"];
  return typeof header === "string" && /^[\w-]{8,64}$/.test(header) ? header : randomUUID();
}

/** What the upgrade or request itself tells about the caller, the same on both transports. */
function requestFacts(deps: ApiDeps, req: IncomingMessage, transport: "http" | "ws") {
  return {
    deps,
    requestId: requestIdOf(req),
    clientIp: clientIpOf(req, deps.env.TRUST_PROXY),
    userAgent: req.headers["user-agent"] ?? null,
    transport,
    secure: isSecure(req, deps.env.TRUST_PROXY),
  };
}

export function createHttpContext(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Context {
  return createContextInner({
    ...requestFacts(deps, req, "http"),
    credentials: {
      bearer: bearerToken(req.headers.authorization),
      sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE),
      loginChallenge: readCookie(req.headers.cookie, LOGIN_CHALLENGE_COOKIE),
    },
    setCookie: (value) => {
      // A streamed batch may have flushed its headers before a later call in it renews the session.
      if (res.headersSent) return;
      const existing = res.getHeader("Set-Cookie");
      const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
      res.setHeader("Set-Cookie", [...list, value]);
    },
  });
}

/**
 * WebSocket: the token travels in connectionParams, never in the URL (reference §7 item 22); a browser's
 * session cookie arrives with the upgrade request itself and counts only from the web app's origins.
 */
export function createWsContext(
  deps: ApiDeps,
  req: IncomingMessage,
  connectionParams: Record<string, string> | null,
): Context {
  return createContextInner({
    ...requestFacts(deps, req, "ws"),
    credentials: {
      bearer: connectionParams?.token ?? bearerToken(connectionParams?.authorization),
      sessionToken: connectionParams?.sessionToken ?? upgradeSessionCookie(deps, req),
    },
  });
}
