import type { IncomingMessage, Server, ServerOptions, ServerResponse } from "node:http";
import type { ServerEnv } from "@agents-crm/config/env";

export interface RequestTimeouts {
  headersMs: number;
  bodyIdleMs: number;
  requestMs: number;
}

export function requestTimeoutsOf(
  env: Pick<ServerEnv, "HTTP_HEADERS_TIMEOUT" | "HTTP_BODY_IDLE_TIMEOUT" | "HTTP_REQUEST_TIMEOUT">,
): RequestTimeouts {
  return {
    headersMs: env.HTTP_HEADERS_TIMEOUT * 1000,
    bodyIdleMs: env.HTTP_BODY_IDLE_TIMEOUT * 1000,
    requestMs: env.HTTP_REQUEST_TIMEOUT * 1000,
  };
}

const hasBody = (req: IncomingMessage) =>
  Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;

/**
 * While a request body is still arriving, a socket that goes `idleMs` without a byte is answered 408
 * and closed. The timer is off again once the body has been read, so a slow answer (a model call) or a
 * WebSocket (ws clears socket timeouts on upgrade) is never cut by it.
 */
function cutIdleBody(req: IncomingMessage, res: ServerResponse, idleMs: number): void {
  if (!hasBody(req)) return;
  const onIdle = () => {
    if (!res.headersSent) {
      const body = JSON.stringify({
        error: { code: "REQUEST_TIMEOUT", message: `No request data for ${idleMs / 1000} s` },
      });
      res.writeHead(408, {
        connection: "close",
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body, () => req.socket.destroy());
    } else {
      req.socket.destroy();
    }
  };
  // Only a body that arrived in full stops the timer: an answer sent early (a page that ignores the
  // body, a refusal) leaves the socket open for the rest, so the timer still has to close it.
  const done = () => {
    if (!req.complete) return;
    req.off("timeout", onIdle);
    // Once answered, the socket's timeout is the idle wait for the next request: leave it set.
    if (!res.writableFinished) req.socket.setTimeout(0);
  };
  req.setTimeout(idleMs, onIdle);
  // After an answer Node gives the socket its keep-alive timeout; an unfinished body keeps ours.
  res.once("finish", () => {
    if (!req.complete) req.socket.setTimeout(idleMs);
  });
  req.once("end", done);
  req.once("close", done);
}

/**
 * Slow clients hold connections: Node's limits for headers and for a whole request, checked on an
 * interval (30 s by default, which would let a 10 s limit run to 40 s, so it is shortened too).
 */
export function timeoutServerOptions(timeouts: RequestTimeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: Math.max(timeouts.requestMs, timeouts.headersMs),
    connectionsCheckingInterval: Math.min(
      1000,
      Math.max(100, Math.min(timeouts.headersMs, timeouts.bodyIdleMs) / 4),
    ),
  };
}

/** Plus an idle limit on request bodies, for every path (tRPC, webhooks). */
export function cutIdleBodies(server: Server, timeouts: RequestTimeouts): void {
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) =>
    cutIdleBody(req, res, timeouts.bodyIdleMs),
  );
}
