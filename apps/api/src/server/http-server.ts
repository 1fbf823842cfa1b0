import { createServer, type Server } from "node:http";
import type { WebSocketServer } from "ws";
import type { ApiDeps } from "../deps";
import { requestIdOf } from "../context";
import { withLogContext } from "../observability/log-context";
import { countHttpResponse } from "../observability/http-metrics";
import { sendJson } from "./http-io";
import { createRequestHandler } from "./http-routes";
import { cutIdleBodies, requestTimeoutsOf, timeoutServerOptions } from "./request-timeouts";
import { attachWsEndpoint } from "./ws-endpoint";

export interface ApiServer {
  server: Server;
  wss: WebSocketServer;
  /** Resolves with the bound port (useful with port 0 in tests). */
  listen(port: number, host?: string): Promise<number>;
  /** Graceful: tells WebSocket clients to reconnect elsewhere, drains HTTP, then closes. */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

export function createApiServer(deps: ApiDeps): ApiServer {
  const handle = createRequestHandler(deps);
  const timeouts = requestTimeoutsOf(deps.env);
  const server = createServer(timeoutServerOptions(timeouts), (req, res) => {
    // One id per request: in its log lines (and tRPC context), and echoed to the caller.
    const requestId = requestIdOf(req);
    req.headers["x-request-id"] = requestId;
    res.setHeader("X-Request-Id", requestId);
    countHttpResponse(deps.metrics, req, res);
    withLogContext({ requestId }, () => handle(req, res)).catch((error: unknown) => {
      deps.log.error("request failed", { path: req.url?.split("?")[0], error });
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: "INTERNAL_ERROR", message: "Internal server error" } });
      else res.destroy();
    });
  });
  cutIdleBodies(server, timeouts);
  const { wss, handler: wsHandler } = attachWsEndpoint(deps, server);
  deps.metrics.registry.onCollect(() => deps.metrics.sockets.set(undefined, wss.clients.size));

  return {
    server,
    wss,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    close: async ({ timeoutMs = 5_000 } = {}) => {
      wsHandler.broadcastReconnectNotification();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const client of wss.clients) client.close(1001, "server shutting down");
      server.closeIdleConnections();
      // A keep-alive connection stays open after its last answer: close each once its request is done.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const timer = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
      }, timeoutMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(timer);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
