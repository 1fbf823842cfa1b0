import type { IncomingMessage, ServerResponse } from "node:http";

export type RawBody = { ok: true; body: Buffer } | { ok: false; reason: "too_large" };

/** Past this much the connection is cut instead of drained, so a flood cannot hold the socket open. */
const DRAIN_FACTOR = 8;

/**
 * The request body exactly as sent (signatures are over these bytes). An oversized body is drained and
 * discarded, so the client still reads the 413 instead of a reset connection.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else if (size > limitBytes * DRAIN_FACTOR) req.destroy();
    });
    req.on("end", () =>
      resolve(size > limitBytes ? { ok: false, reason: "too_large" } : { ok: true, body: Buffer.concat(chunks) }),
    );
    req.on("close", () => {
      if (size > limitBytes * DRAIN_FACTOR) resolve({ ok: false, reason: "too_large" });
    });
    req.on("error", reject);
  });
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
