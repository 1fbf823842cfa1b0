import type { IncomingMessage } from "node:http";
import { TRPCError, type AnyProcedure } from "@trpc/server";
import { DEFAULT_BODY_LIMIT_BYTES, formatBytes } from "@agents-crm/config/request-limits";
import type { Principal } from "../auth/principal";
import type { ApiMeta } from "../trpc";
import { createJsonShapeScanner, jsonShapeProblem } from "../security/json-shape";

export interface BodyLimits {
  /** The procedures the request names (several in a batch). */
  paths: string[];
  /** For callers that have not signed in. */
  anonymous: number;
  /** For signed-in staff and the API token: the largest any of the procedures declares. */
  signedIn: number;
}

function pathsOf(url: string): string[] {
  const pathname = url.split("?")[0] ?? "";
  const named = pathname.slice(pathname.indexOf("/trpc/") + "/trpc/".length);
  try {
    return decodeURIComponent(named).split(",");
  } catch {
    return [named];
  }
}

/** Read from each procedure's `meta({ maxBodyBytes })`, so a limit is declared once, next to it. */
export function bodyLimitsFor(procedures: Record<string, AnyProcedure>, url: string): BodyLimits {
  const paths = pathsOf(url);
  const declared = paths.map(
    (path) =>
      (Object.hasOwn(procedures, path)
        ? (procedures[path]?._def.meta as ApiMeta | undefined)?.maxBodyBytes
        : undefined) ?? DEFAULT_BODY_LIMIT_BYTES,
  );
  return {
    paths,
    anonymous: DEFAULT_BODY_LIMIT_BYTES,
    signedIn: Math.max(DEFAULT_BODY_LIMIT_BYTES, ...declared),
  };
}

/** A refusal that leaves the rest of the body unread: the connection is not reused. */
export class BodyRefusal extends TRPCError {}

function tooLarge(limit: number, limits: BodyLimits, anonymous: boolean): BodyRefusal {
  const procedures = limits.paths.join(", ");
  const signedIn =
    anonymous && limits.signedIn > limit
      ? ` without signing in (${procedures} accepts up to ${formatBytes(limits.signedIn)} from signed-in staff)`
      : ` for ${procedures}`;
  return new BodyRefusal({
    code: "PAYLOAD_TOO_LARGE",
    message: `Request body is larger than ${formatBytes(limit)}, the limit${signedIn}`,
  });
}

function badShape(what: string, problem: string): BodyRefusal {
  return new BodyRefusal({ code: "BAD_REQUEST", message: `${what} ${problem}` });
}

function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers["content-length"];
  const length = header === undefined ? NaN : Number(header);
  return Number.isFinite(length) ? length : null;
}

/** Whether the request carries a body at all (a GET or an empty POST does not). */
function hasBody(req: IncomingMessage): boolean {
  return (declaredLength(req) ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
}

/**
 * Reads a tRPC request's body before tRPC parses it: at most the caller's limit (the anonymous one
 * unless the body needs more and the credentials are valid — checked before reading past it), and JSON
 * whose value count and depth are bounded (see json-shape.ts). A query's `input` gets the same shape
 * check; its size is bounded by the server's header limit. Returns the body text for tRPC, or
 * undefined for requests without one.
 */
export async function readTrpcBody(
  req: IncomingMessage,
  options: { limits: BodyLimits; authenticate: () => Promise<Principal> },
): Promise<string | undefined> {
  const { limits } = options;
  if (req.method === "GET" || req.method === "HEAD") {
    const input = new URL(req.url ?? "/", "http://localhost").searchParams.get("input");
    const problem = input === null ? null : jsonShapeProblem(input);
    if (problem) throw badShape("Query input", problem);
    return undefined;
  }
  if (hasBody(req) && !req.headers["content-type"]?.startsWith("application/json")) {
    throw new BodyRefusal({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "Request bodies must be application/json",
    });
  }

  let limit = limits.anonymous;
  // Credentials are checked only when a body needs more than the anonymous limit, and before reading on.
  let signedIn: boolean | null = null;
  const raiseLimit = async () => {
    if (signedIn !== null || limits.signedIn <= limit) return;
    signedIn = (await options.authenticate()).kind !== "anonymous";
    if (signedIn) limit = limits.signedIn;
  };
  const refuse = () => tooLarge(limit, limits, signedIn !== true);

  const declared = declaredLength(req);
  if (declared !== null && declared > limit) {
    await raiseLimit();
    if (declared > limit) throw refuse();
  }
  const scanner = createJsonShapeScanner();
  const chunks: Buffer[] = [];
  let size = 0;
  // Not destroyed on a refusal: the answer still has to go out on this socket.
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      await raiseLimit();
      if (size > limit) throw refuse();
    }
    const problem = scanner.push(chunk);
    if (problem) throw badShape("Request body", problem);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
