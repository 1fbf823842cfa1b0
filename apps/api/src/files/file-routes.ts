import type { IncomingMessage, ServerResponse } from "node:http";
import { isStorageUnavailable } from "@agents-crm/db";
import { clientIpOf } from "../context";
import type { ApiDeps } from "../deps";
import { chargeCaller } from "../security/caller-budget";
import { REQUEST_LIMIT_MESSAGE, credentialsOf } from "../security/http-rate-limit";
import { sendError } from "../server/http-io";
import { serveFile } from "./file-serving";
import { uploadStaffFile, uploadVisitorFile } from "./file-uploads";

export const isFilesPath = (path: string) => path === "/files" || path.startsWith("/files/");

/**
 * `/files/*`: GET/HEAD `/files/<fileId>`, POST `/files` (staff) and POST `/files/web-chat` (the
 * visitor). Charged to the caller's budget like /trpc (staff per account, everyone else per address).
 */
export async function handleFilesRequest(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const decision = await chargeCaller(
    deps,
    { credentials: credentialsOf(req), ip: clientIpOf(req, deps.env.TRUST_PROXY) },
    1,
  );
  if (!decision.allowed) {
    res.setHeader("retry-after", String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
    return sendError(res, 429, "TOO_MANY_REQUESTS", REQUEST_LIMIT_MESSAGE);
  }
  const method = req.method ?? "GET";
  try {
    if (method === "POST" && path === "/files") return await uploadStaffFile(deps, req, res);
    if (method === "POST" && path === "/files/web-chat")
      return await uploadVisitorFile(deps, req, res);
    const id = path.slice("/files/".length);
    if ((method === "GET" || method === "HEAD") && id && !id.includes("/")) {
      const query = new URL(req.url ?? "/", "http://x").searchParams;
      let fileId: string;
      try {
        fileId = decodeURIComponent(id);
      } catch {
        return sendError(res, 404, "NOT_FOUND", "No such file");
      }
      return await serveFile(deps, req, res, fileId, query);
    }
    return sendError(res, 404, "NOT_FOUND", `No route for ${method} ${path}`);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    if (isStorageUnavailable(error)) {
      res.setHeader("retry-after", "5");
      return sendError(
        res,
        503,
        "STORAGE_UNAVAILABLE",
        "File storage is temporarily unavailable; try again shortly",
      );
    }
    deps.log.error("file request failed", { path, error: String(error) });
    return sendError(res, 500, "INTERNAL_SERVER_ERROR", "The file request failed");
  }
}
