import type { IncomingMessage, ServerResponse } from "node:http";

/** Returns true when the request was a preflight and has been answered. */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  options: { origins: string[]; credentials: boolean },
): boolean {
  const origin = req.headers.origin;
  const allowed =
    origin !== undefined && (options.origins.includes("*") || options.origins.includes(origin));
  if (allowed) {
    res.setHeader(
      "Access-Control-Allow-Origin",
      options.credentials ? origin : options.origins.includes("*") ? "*" : origin,
    );
    res.setHeader("Vary", "Origin");
    if (options.credentials) res.setHeader("Access-Control-Allow-Credentials", "true");
  }
  if (req.method !== "OPTIONS" || req.headers["access-control-request-method"] === undefined) {
    return false;
  }
  if (allowed) {
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.setHeader(
      "Access-Control-Allow-Headers",
      req.headers["access-control-request-headers"] ?? "content-type, authorization",
    );
    res.setHeader("Access-Control-Max-Age", "600");
  }
  res.writeHead(allowed ? 204 : 403).end();
  return true;
}
