import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer } from "ws";
import type { ApiDeps } from "../deps";
import { createHttpContext, createWsContext } from "../context";
import { appRouter } from "../router";
import { applyCors } from "./cors";
import { healthBody, isHealthPath } from "./health";
import { docsResponse } from "./docs";
import { chargeHttpRequest, upgradeRefusal } from "../security/http-rate-limit";
import { guardSocket } from "../security/ws-flood-guard";
import { createWebhookRouter } from "../channels/webhooks/webhook-router";
import { WEBSOCKET_FRAME_LIMIT_BYTES } from "@agents-crm/config/request-limits";
import { boundedBodyMiddleware, boundedJsonEncoder } from "./bounded-input";
import { cutIdleBodies, requestTimeoutsOf, timeoutServerOptions } from "./request-timeouts";

export interface ApiServer {
  server: Server;
  wss: WebSocketServer;
  /** Resolves with the bound port (useful with port 0 in tests). */
  listen(port: number, host?: string): Promise<number>;
  /** Graceful: tells WebSocket clients to reconnect elsewhere, drains HTTP, then closes. */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function createApiServer(deps: ApiDeps): ApiServer {
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    // Bodies are read here first, bounded per procedure and caller, and shape-checked before JSON.parse.
    middleware: boundedBodyMiddleware(deps),
    createContext: async ({ req, res, info }) => {
      await chargeHttpRequest(deps, req, res, info.calls.length);
      return createHttpContext(deps, req, res);
    },
  });
  // Platform webhooks (/api/v1/...): exempt from the rate limiter, verified by signature or secret.
  const webhooks = createWebhookRouter(deps);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    if (
      applyCors(req, res, {
        origins: deps.env.CORS_ORIGINS,
        credentials: deps.env.CORS_ALLOW_CREDENTIALS,
      })
    ) {
      return;
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (isHealthPath(path) && (req.method === "GET" || req.method === "HEAD")) {
      const { status, body } = await healthBody(deps, path);
      sendJson(res, status, body);
      return;
    }
    if (path.startsWith("/api/v1/") && (await webhooks(req, res, path))) return;
    const docs =
      req.method === "GET"
        ? docsResponse(appRouter, path, { title: deps.env.APP_NAME, version: deps.env.APP_VERSION })
        : null;
    if (docs) {
      res.writeHead(200, {
        "content-type": docs.contentType,
        "content-length": Buffer.byteLength(docs.body),
      });
      res.end(docs.body);
      return;
    }
    if (path.startsWith("/trpc/")) {
      trpcHandler(req, res);
      return;
    }
    sendJson(res, 404, {
      error: { code: "NOT_FOUND", message: `No route for ${req.method} ${path}` },
    });
  };

  const timeouts = requestTimeoutsOf(deps.env);
  const server = createServer(timeoutServerOptions(timeouts), (req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.log.error("request failed", { path: req.url?.split("?")[0], error });
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: "INTERNAL_ERROR", message: "Internal server error" } });
      else res.destroy();
    });
  });
  cutIdleBodies(server, timeouts);

  const wss = new WebSocketServer({ noServer: true, maxPayload: WEBSOCKET_FRAME_LIMIT_BYTES });
  const wsHandler = applyWSSHandler({
    wss,
    router: appRouter,
    experimental_encoder: boundedJsonEncoder,
    createContext: ({ req, info }) =>
      createWsContext(deps, req, (info.connectionParams as Record<string, string> | null) ?? null),
    keepAlive: {
      enabled: true,
      pingMs: deps.env.WEBSOCKET_PING_INTERVAL * 1000,
      pongWaitMs: deps.env.WEBSOCKET_PING_TIMEOUT * 1000,
    },
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/trpc" && path !== "/trpc/") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    const refusal = upgradeRefusal(deps, req);
    if (refusal) {
      socket.end(refusal);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      guardSocket(ws, deps.env.RATE_LIMIT_PER_MINUTE);
      wss.emit("connection", ws, req);
    });
  });

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
