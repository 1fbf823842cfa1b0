import { createServer, type Server } from "node:http";
import type { ApiDeps } from "../deps";
import { sendError } from "../server/http-io";
import { sendMetrics } from "./metrics-route";

/**
 * METRICS_PORT: `/metrics` without a token on a port of its own, for a scraper on the private network
 * (a sidecar, the VPC). Nothing else is served there, so opening it exposes no API.
 */
export function startMetricsServer(deps: ApiDeps): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
      sendError(res, 404, "NOT_FOUND", "Only GET /metrics is served on this port");
      return;
    }
    sendMetrics(deps, res).catch((error: unknown) => {
      deps.log.error("metrics exposition failed", { error });
      if (!res.headersSent) sendError(res, 500, "INTERNAL_ERROR", "Internal server error");
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.env.METRICS_PORT, deps.env.METRICS_HOST, () => {
      server.off("error", reject);
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}
