import type { IncomingMessage, ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { ApiDeps } from "../deps";
import { createHttpContext } from "../context";
import { appRouter } from "../router";
import { applyCors } from "./cors";
import { healthBody, isHealthPath } from "./health";
import { docsResponse } from "./docs";
import { chargeHttpRequest } from "../security/http-rate-limit";
import { createWebhookRouter } from "../channels/webhooks/webhook-router";
import { boundedBodyMiddleware } from "./bounded-input";
import { sendJson } from "./http-io";
import { handleFilesRequest, isFilesPath } from "../files/file-routes";
import { handleMetricsRequest, isMetricsPath } from "../observability/metrics-route";

/** Every plain HTTP request: CORS, health, webhooks, files, the API docs, then tRPC; 404 for the rest. */
export function createRequestHandler(deps: ApiDeps) {
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
  const corsOptions = {
    origins: deps.env.CORS_ORIGINS,
    credentials: deps.env.CORS_ALLOW_CREDENTIALS,
  };
  const docsInfo = { title: deps.env.APP_NAME, version: deps.env.APP_VERSION };

  return async (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    if (applyCors(req, res, corsOptions)) return;
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (isHealthPath(path) && (req.method === "GET" || req.method === "HEAD")) {
      const { status, body } = await healthBody(deps, path);
      sendJson(res, status, body);
      return;
    }
    if (path.startsWith("/api/v1/") && (await webhooks(req, res, path))) return;
    if (isFilesPath(path)) return handleFilesRequest(deps, req, res, path);
    if (isMetricsPath(path)) return handleMetricsRequest(deps, req, res);
    const docs = req.method === "GET" ? docsResponse(appRouter, path, docsInfo) : null;
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
}
