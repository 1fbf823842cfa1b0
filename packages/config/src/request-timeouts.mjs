// Slow clients must not hold connections, on the API and on the web's custom server alike. Plain
// JavaScript because apps/web/server.mjs runs as plain Node, without the TypeScript packages; types
// are in request-timeouts.d.mts.

/**
 * Node's limits for headers and for a whole request, checked on an interval (30 s by default, which
 * would let a 10 s limit run to 40 s, so it is shortened too).
 */
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
 * While a request body is still arriving, a socket that goes `idleMs` without a byte is answered 408
 * and closed. The timer is off again once the body has been read, so a slow answer (a model call) or a
 * WebSocket (ws clears socket timeouts on upgrade) is never cut by it.
 */
function cutIdleBody(req, res, idleMs) {
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

/** Plus an idle limit on request bodies, for every path (tRPC, webhooks, the web's proxy). */
export function cutIdleBodies(server, timeouts) {
  server.prependListener("request", (req, res) => cutIdleBody(req, res, timeouts.bodyIdleMs));
}
