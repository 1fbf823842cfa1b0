import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "./metrics";

/** A few route groups, never the raw path: ids in paths would make a series per conversation. */
export function routeGroup(path: string): string {
  if (path.startsWith("/trpc/")) return "trpc";
  if (path.startsWith("/api/v1/")) return "webhook";
  if (path.startsWith("/files")) return "files";
  if (path.startsWith("/health")) return "health";
  if (path === "/metrics") return "metrics";
  if (path.startsWith("/docs")) return "docs";
  return "other";
}

const PLATFORMS = new Set(["instagram", "telegram", "whatsapp", "twilio"]);

/** `/api/v1/<platform>/…`: the platform when it is one we know, else "other". */
export function webhookPlatform(path: string): string {
  const segment = path.split("/")[3] ?? "";
  return PLATFORMS.has(segment) ? segment : "other";
}

export function countHttpResponse(
  metrics: Metrics,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  res.once("finish", () => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = routeGroup(path);
    metrics.httpRequests.inc({ route, status: `${Math.floor(res.statusCode / 100)}xx` });
    if (route === "webhook") {
      metrics.webhookRequests.inc({
        platform: webhookPlatform(path),
        status: String(res.statusCode),
      });
    }
  });
}
