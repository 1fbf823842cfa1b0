// Slow clients must not hold the web server's connections (it is public too, and proxies /trpc and
// the webhooks to the API): the same limits and variable names as the API (packages/config/src/env.ts),
// read here because this server runs as plain Node, without the TypeScript packages.

const DEFAULTS = {
  HTTP_HEADERS_TIMEOUT: 10,
  HTTP_BODY_IDLE_TIMEOUT: 10,
  HTTP_REQUEST_TIMEOUT: 120,
};

function seconds(env, name) {
  const raw = env[name]?.trim();
  if (!raw) return DEFAULTS[name];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 3600) {
    throw new Error(`Invalid environment: ${name} must be a number of seconds, got "${raw}"`);
  }
  return value;
}

export function requestTimeoutsFrom(env) {
  return {
    headersMs: seconds(env, "HTTP_HEADERS_TIMEOUT") * 1000,
    bodyIdleMs: seconds(env, "HTTP_BODY_IDLE_TIMEOUT") * 1000,
    requestMs: seconds(env, "HTTP_REQUEST_TIMEOUT") * 1000,
  };
}

/** Node's header and whole-request limits, checked often enough to hold (its default is every 30 s). */
export function timeoutServerOptions(timeouts) {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: Math.max(timeouts.requestMs, timeouts.headersMs),
    connectionsCheckingInterval: Math.min(
      1000,
      Math.max(100, Math.min(timeouts.headersMs, timeouts.bodyIdleMs) / 4),
    ),
  };
}

const hasBody = (req) =>
  Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;

/**
 * A request body that goes silent for the idle limit is answered 408 and its connection closed. The
 * timer stops once the body has arrived, so slow answers and upgraded sockets are never cut by it.
 */
export function cutIdleBodies(server, timeouts) {
  server.prependListener("request", (req, res) => {
    if (!hasBody(req)) return;
    const onIdle = () => {
      if (res.headersSent) return req.socket.destroy();
      const body = JSON.stringify({
        error: {
          code: "REQUEST_TIMEOUT",
          message: `No request data for ${timeouts.bodyIdleMs / 1000} s`,
        },
      });
      res.writeHead(408, {
        connection: "close",
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body, () => req.socket.destroy());
    };
    // Only a body that arrived in full stops the timer: an answer sent early (a page that ignores the
    // body, a refusal) leaves the socket open for the rest, so the timer still has to close it.
    const done = () => {
      if (!req.complete) return;
      req.off("timeout", onIdle);
      // Once answered, the socket's timeout is the idle wait for the next request: leave it set.
      if (!res.writableFinished) req.socket.setTimeout(0);
    };
    req.setTimeout(timeouts.bodyIdleMs, onIdle);
    // After an answer Node gives the socket its keep-alive timeout; an unfinished body keeps ours.
    res.once("finish", () => {
      if (!req.complete) req.socket.setTimeout(timeouts.bodyIdleMs);
    });
    req.once("end", done);
    req.once("close", done);
  });
}
