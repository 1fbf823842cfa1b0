import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError, type AnyProcedure } from "@trpc/server";
import { jsonEncoder, type Encoder } from "@trpc/server/adapters/ws";
import type { ApiDeps } from "../deps";
import { createHttpContext } from "../context";
import { appRouter } from "../router";
import { jsonShapeProblem } from "../security/json-shape";
import { BodyRefusal, bodyLimitsFor, readTrpcBody } from "./trpc-body";

function decodes(url: string): boolean {
  try {
    decodeURIComponent(url.split("?")[0] ?? "");
    return true;
  } catch {
    return false;
  }
}

/**
 * tRPC's HTTP handler reads a body it is given as a string instead of the stream, so the body is read
 * here first, bounded (trpc-body.ts); a refusal goes through tRPC's error path, so clients get the
 * usual error shape (per call in a batch) with 413 / 400 / 415.
 */
export function boundedBodyMiddleware(deps: ApiDeps) {
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    // tRPC decodes the path outside its error handling: a malformed one would be a 500.
    if (!decodes(req.url ?? "/")) {
      const body = JSON.stringify({
        error: { code: "BAD_REQUEST", message: "The procedure path is not valid percent-encoding" },
      });
      res.writeHead(400, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    readTrpcBody(req, {
      limits: bodyLimitsFor(procedures, req.url ?? "/"),
      authenticate: () => createHttpContext(deps, req, res).authenticate(),
    }).then(
      (body) => {
        if (body !== undefined) Object.assign(req, { body });
        next();
      },
      (error: unknown) => {
        if (error instanceof BodyRefusal) {
          deps.log.info("request refused before parsing", {
            path: req.url?.split("?")[0],
            code: error.code,
            reason: error.message,
          });
          // The rest of the body is discarded unread and the connection is not reused.
          res.setHeader("connection", "close");
          req.resume();
        }
        next(error);
      },
    );
  };
}

/**
 * WebSocket frames (at most WEBSOCKET_FRAME_LIMIT_BYTES) get the same shape check before JSON.parse; tRPC
 * answers a refused frame with a PARSE_ERROR carrying this message.
 */
export const boundedJsonEncoder: Encoder = {
  encode: (data) => jsonEncoder.encode(data),
  decode: (data) => {
    // Binary frames are refused by tRPC's JSON decoder itself.
    const problem = typeof data === "string" ? jsonShapeProblem(data) : null;
    if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: `Message ${problem}` });
    return jsonEncoder.decode(data);
  },
};
