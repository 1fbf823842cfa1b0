import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer } from "ws";
import { WEBSOCKET_FRAME_LIMIT_BYTES } from "@agents-crm/config/request-limits";
import type { ApiDeps } from "../deps";
import { createWsContext } from "../context";
import { appRouter } from "../router";
import { upgradeRefusal } from "../security/http-rate-limit";
import { guardSocket } from "../security/ws-flood-guard";
import { boundedJsonEncoder } from "./bounded-input";

/** tRPC over WebSocket on /trpc of `server`: upgrades refused by the rate limiter, frames bounded. */
export function attachWsEndpoint(deps: ApiDeps, server: Server) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: WEBSOCKET_FRAME_LIMIT_BYTES });
  const handler = applyWSSHandler({
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

  return { wss, handler };
}
