import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { FILE_ID_PATTERN, INLINE_ATTACHMENT_KINDS } from "@agents-crm/config/attachments";
import type { FileRecord } from "@agents-crm/db";
import type { ByteRange } from "@agents-crm/files";
import { resolvePrincipal } from "../auth/resolve-principal";
import type { ApiDeps } from "../deps";
import { webTokenMatches } from "../domain/conversations/web-token";
import { credentialsOf } from "../security/http-rate-limit";
import { sendError } from "../server/http-io";

/** How long a browser may keep a file it was allowed to read (private: never a shared cache). */
const PRIVATE_MAX_AGE_SECONDS = 300;

/** Headers a web-chat visitor proves its conversation with (the same token chat.* takes). */
export const VISITOR_CONVERSATION_HEADER = "x-web-chat-conversation";
export const VISITOR_TOKEN_HEADER = "x-web-chat-token";

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === "string" && value.length > 0 ? value : null;
};

/**
 * Who may read this file: a valid signed link (that file, until it expires), signed-in staff or the
 * machine token (any file), or the web-chat visitor holding its conversation's token (its own files).
 */
async function mayRead(
  deps: ApiDeps,
  req: IncomingMessage,
  record: FileRecord,
  query: URLSearchParams,
): Promise<boolean> {
  if (
    query.has("sig") &&
    deps.files.signer.verify(record.fileId, query.get("exp"), query.get("sig"))
  ) {
    return true;
  }
  const principal = await resolvePrincipal(deps, credentialsOf(req));
  if (principal.kind !== "anonymous") return true;
  const conversationId = header(req, VISITOR_CONVERSATION_HEADER);
  const token = header(req, VISITOR_TOKEN_HEADER);
  if (!conversationId || !token || record.conversationId !== conversationId) return false;
  const conversation = await deps.repos.conversations.get(conversationId);
  return (
    conversation !== null &&
    conversation.channel === "web_chat" &&
    webTokenMatches(conversation, token)
  );
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range); null for none or several, "unsatisfiable" past the end. */
export function parseRange(
  value: string | undefined,
  size: number,
): ByteRange | null | "unsatisfiable" {
  const match = value?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const [, from = "", to = ""] = match;
  if (from === "") {
    const suffix = Math.min(Number(to), size);
    return suffix === 0 ? "unsatisfiable" : { start: size - suffix, end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(
  type: "inline" | "attachment",
  name: string | undefined,
): string {
  if (!name) return type;
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET/HEAD /files/<fileId>. Anyone not allowed gets the same 404 as for a file that does not exist, so
 * the answer never confirms that an id is real.
 */
export async function serveFile(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  fileId: string,
  query: URLSearchParams,
): Promise<void> {
  const notFound = () => sendError(res, 404, "NOT_FOUND", "No such file");
  if (!FILE_ID_PATTERN.test(fileId)) return notFound();
  const record = await deps.repos.files.get(fileId);
  if (!record || record.status !== "stored" || !(await mayRead(deps, req, record, query))) {
    return notFound();
  }
  const rangeable = ["audio", "voice", "video"].includes(record.kind);
  const range = rangeable ? parseRange(req.headers.range, record.size) : null;
  if (range === "unsatisfiable") {
    res.writeHead(416, { "content-range": `bytes */${record.size}` });
    res.end();
    return;
  }
  const opened = await deps.files.openFile(fileId, range ?? undefined);
  if (!opened) return notFound();
  const inline = INLINE_ATTACHMENT_KINDS.includes(record.kind);
  const length = range ? range.end - range.start + 1 : opened.size;
  res.writeHead(range ? 206 : 200, {
    "content-type": record.mimeType.startsWith("text/")
      ? `${record.mimeType}; charset=utf-8`
      : record.mimeType,
    "content-length": String(length),
    "content-disposition": contentDisposition(inline ? "inline" : "attachment", record.name),
    "x-content-type-options": "nosniff",
    "cache-control": `private, max-age=${PRIVATE_MAX_AGE_SECONDS}`,
    // A served file is never a page that runs: no scripts, no plugins, no same-origin access.
    "content-security-policy":
      "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    "cross-origin-resource-policy": "same-site",
    vary: "Cookie, Authorization",
    ...(rangeable ? { "accept-ranges": "bytes" } : {}),
    ...(range ? { "content-range": `bytes ${range.start}-${range.end}/${opened.size}` } : {}),
  });
  if (req.method === "HEAD") {
    opened.body.destroy();
    res.end();
    return;
  }
  await pipeline(opened.body, res).catch(() => {
    // The client went away mid-file: nothing to answer.
    res.destroy();
  });
}
