import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken, tokensMatch } from "../auth/machine-token";
import type { ApiDeps } from "../deps";
import { sendError } from "../server/http-io";
import { PROMETHEUS_CONTENT_TYPE } from "./exposition";

export const isMetricsPath = (path: string) => path === "/metrics";

export async function sendMetrics(deps: ApiDeps, res: ServerResponse): Promise<void> {
  const body = await deps.metrics.registry.expose();
  res.writeHead(200, {
    "content-type": PROMETHEUS_CONTENT_TYPE,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/**
 * `/metrics` on the API port: for the machine token only. Without ADMIN_TOKEN it does not exist here
 * (404, as any unknown path; use METRICS_PORT); a missing or wrong token is 401 and nothing else.
 */
export async function handleMetricsRequest(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const expected = deps.env.ADMIN_TOKEN;
  if (!expected || (req.method !== "GET" && req.method !== "HEAD")) {
    sendError(res, 404, "NOT_FOUND", `No route for ${req.method} /metrics`);
    return;
  }
  const presented = bearerToken(req.headers.authorization);
  if (presented === null || !tokensMatch(presented, expected)) {
    res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
    sendError(res, 401, "UNAUTHORIZED", "The machine token is required");
    return;
  }
  await sendMetrics(deps, res);
}
