import type { IncomingMessage, ServerResponse } from "node:http";

export type RawBody = { ok: true; body: Buffer } | { ok: false; reason: "too_large" | "aborted" };

/** Past this much the connection is cut instead of drained, so a flood cannot hold the socket open. */
const DRAIN_FACTOR = 8;

/**
 * The request body exactly as sent (signatures are over these bytes). An oversized body is drained and
 * discarded, so the client still reads the 413 instead of a reset connection.
 */
export function readRawBody(req: IncomingMessage, limitBytes: number): Promise<RawBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else if (size > limitBytes * DRAIN_FACTOR) req.destroy();
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

/** 413 for an oversized body; nothing for a client that went away. */
export function refuseBody(res: ServerResponse, reason: "too_large" | "aborted"): void {
  if (reason === "too_large") {
    sendError(res, 413, "PAYLOAD_TOO_LARGE", "The request body is too large");
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
