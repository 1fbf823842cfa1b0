import type { IncomingMessage, ServerResponse } from "node:http";

export type RawBody = { ok: true; body: Buffer } | { ok: false; reason: "too_large" | "aborted" };

/** Past this much the connection is cut instead of drained, so a flood cannot hold the socket open. */
const DRAIN_FACTOR = 8;

/**
 * The request body exactly as sent (signatures are over these bytes). A body declared larger than the
 * limit is not read at all; one that grows past it undeclared (chunked) is drained and discarded, so the
 * client still reads the 413 instead of a reset connection. Either way at most `limitBytes` is held.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<RawBody> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limitBytes) {
    return Promise.resolve({ ok: false, reason: "too_large" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else {
        chunks.length = 0;
        if (size > limitBytes * DRAIN_FACTOR) req.destroy();
      }
    });
    req.on("end", () => {
      ended = true;
      resolve(
        size > limitBytes
          ? { ok: false, reason: "too_large" }
          : { ok: true, body: Buffer.concat(chunks) },
      );
    });
    req.on("close", () => {
      if (ended) return;
      resolve({ ok: false, reason: size > limitBytes ? "too_large" : "aborted" });
    });
    // A body that cannot be read is the client's connection failing: nothing to answer.
    req.on("error", () => resolve({ ok: false, reason: "aborted" }));
  });
}

const sizeOf = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * 413 naming the limit for an oversized body, closing the connection so what is left of the body is
 * never read; nothing for a client that went away.
 */
export function refuseBody(
  res: ServerResponse,
  reason: "too_large" | "aborted",
  limitBytes: number,
): void {
  if (reason === "too_large") {
    res.setHeader("connection", "close");
    sendError(
      res,
      413,
      "PAYLOAD_TOO_LARGE",
      `The request body is larger than this webhook's limit of ${sizeOf(limitBytes)}`,
    );
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { error: { code, message } });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}
