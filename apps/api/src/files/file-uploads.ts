import type { IncomingMessage, ServerResponse } from "node:http";
import {
  ATTACHMENT_KIND_PLURALS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_BYTES_ANY,
  MAX_ATTACHMENT_CAPTION_LENGTH,
  MAX_ATTACHMENT_NAME_LENGTH,
  WEB_CHAT_ATTACHMENT_MIME_TYPES,
  attachmentKindForMime,
  formatByteLimit,
} from "@agents-crm/config/attachments";
import { isStorageUnavailable } from "@agents-crm/db";
import { canManage } from "../auth/principal";
import { resolvePrincipal } from "../auth/resolve-principal";
import type { ApiDeps } from "../deps";
import { DomainError } from "../domain/errors";
import { webTokenMatches } from "../domain/conversations/web-token";
import { credentialsOf } from "../security/http-rate-limit";
import { readRawBody, sendError, sendJson } from "../server/http-io";
import { VISITOR_LINK_TTL_SECONDS, attachmentView } from "./attachment-views";
import { FileRefusedError, type SaveFileInput } from "./file-service";
import { VISITOR_CONVERSATION_HEADER, VISITOR_TOKEN_HEADER } from "./file-serving";

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;
};

/** X-File-Name, percent-encoded (browsers cannot put UTF-8 in a header) or plain ASCII. */
function fileNameOf(req: IncomingMessage): string | undefined {
  const raw = header(req, "x-file-name");
  if (!raw) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    name = raw;
  }
  // A name, never a path, and nothing that breaks a header when it is served back.
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join("")
    .trim();
  return clean ? clean.slice(0, MAX_ATTACHMENT_NAME_LENGTH) : undefined;
}

function captionOf(req: IncomingMessage): string | undefined {
  const raw = header(req, "x-file-caption");
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).slice(0, MAX_ATTACHMENT_CAPTION_LENGTH);
  } catch {
    return raw.slice(0, MAX_ATTACHMENT_CAPTION_LENGTH);
  }
}

/**
 * The most we read before looking at the bytes: the limit of the kind the declared type names (a
 * lying type is caught by the bytes afterwards, and by the real kind's limit), else the largest.
 */
function readLimit(declaredType: string | undefined, accept?: readonly string[]) {
  const declaredKind = declaredType
    ? attachmentKindForMime(declaredType.split(";")[0] ?? "")
    : null;
  if (declaredKind) return { bytes: ATTACHMENT_MAX_BYTES[declaredKind], kind: declaredKind };
  if (accept) {
    const kinds = accept.flatMap((t) => attachmentKindForMime(t) ?? []);
    return { bytes: Math.max(...kinds.map((k) => ATTACHMENT_MAX_BYTES[k])), kind: null };
  }
  return { bytes: ATTACHMENT_MAX_BYTES_ANY, kind: null };
}

const REFUSAL_STATUS = { too_large: 413, unsupported_type: 415, not_allowed_here: 415, empty: 400 };

async function receive(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  input: Omit<SaveFileInput, "bytes" | "declaredType" | "name">,
  respond: (file: Awaited<ReturnType<ApiDeps["files"]["saveFile"]>>) => unknown,
): Promise<void> {
  const declaredType = header(req, "content-type")?.split(";")[0]?.trim().toLowerCase();
  const limit = readLimit(declaredType, input.accept);
  const body = await readRawBody(req, limit.bytes);
  if (!body.ok) {
    if (body.reason === "aborted") return;
    res.setHeader("connection", "close");
    const what = limit.kind
      ? `the limit for ${ATTACHMENT_KIND_PLURALS[limit.kind]}`
      : "the largest file we accept";
    return sendError(
      res,
      413,
      "PAYLOAD_TOO_LARGE",
      `The file is larger than ${formatByteLimit(limit.bytes)}, ${what}`,
    );
  }
  try {
    const file = await deps.files.saveFile({
      ...input,
      bytes: new Uint8Array(body.body.buffer, body.body.byteOffset, body.body.length),
      declaredType,
      name: fileNameOf(req),
      caption: captionOf(req),
      onRefusal: "throw",
    });
    sendJson(res, 201, respond(file));
  } catch (error) {
    if (error instanceof FileRefusedError) {
      const { code, message } = error.refusal;
      return sendError(res, REFUSAL_STATUS[code], code.toUpperCase(), message);
    }
    if (error instanceof DomainError && error.code === "NOT_FOUND") {
      return sendError(res, 404, "NOT_FOUND", error.message);
    }
    if (isStorageUnavailable(error)) {
      res.setHeader("retry-after", "5");
      return sendError(
        res,
        503,
        "STORAGE_UNAVAILABLE",
        "File storage is temporarily unavailable; try again shortly",
      );
    }
    throw error;
  }
}

/**
 * POST /files (staff or the machine token): raw bytes with Content-Type and X-File-Name, and either
 * X-Conversation-Id (a file for that conversation) or X-Agent-Id with X-File-Purpose: library.
 * Answers 201 with `{ file }`, the attachment view.
 */
export async function uploadStaffFile(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const principal = await resolvePrincipal(deps, credentialsOf(req));
  if (principal.kind === "anonymous") {
    return sendError(res, 401, "UNAUTHORIZED", "Sign in to upload files");
  }
  const conversationId = header(req, "x-conversation-id");
  const agentId = header(req, "x-agent-id");
  const library = header(req, "x-file-purpose") === "library";
  if (library ? !agentId : !conversationId) {
    return sendError(
      res,
      400,
      "BAD_REQUEST",
      "Name the file's conversation (X-Conversation-Id) or its agent with X-File-Purpose: library (X-Agent-Id)",
    );
  }
  if (library) {
    // Only owners and admins change the library (knowledge.create); an operator's upload would be orphaned.
    if (!canManage(principal)) {
      return sendError(res, 403, "FORBIDDEN", "Only owners and admins upload library documents");
    }
    if (!(await deps.repos.agents.get(agentId as string))) {
      return sendError(res, 404, "NOT_FOUND", "Agent not found");
    }
  }
  const conversation = library
    ? null
    : await deps.repos.conversations.get(conversationId as string);
  if (!library && !conversation) return sendError(res, 404, "NOT_FOUND", "Conversation not found");
  await receive(
    deps,
    req,
    res,
    {
      purpose: library ? "library" : "conversation",
      conversationId: conversation?.conversationId,
      agentId: conversation?.agentId ?? agentId,
      createdBy: principal.id,
    },
    (file) => ({ file: attachmentView(file) }),
  );
}

/**
 * POST /files/web-chat (the visitor, with X-Web-Chat-Conversation and X-Web-Chat-Token): images and
 * PDFs for its own conversation. The view's url is a signed link (the visitor has no cookie).
 */
export async function uploadVisitorFile(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const conversationId = header(req, VISITOR_CONVERSATION_HEADER);
  const token = header(req, VISITOR_TOKEN_HEADER);
  const conversation = conversationId ? await deps.repos.conversations.get(conversationId) : null;
  if (
    !conversation ||
    !token ||
    conversation.channel !== "web_chat" ||
    !webTokenMatches(conversation, token)
  ) {
    return sendError(res, 404, "NOT_FOUND", "Conversation not found");
  }
  if (conversation.status === "CLOSED") {
    return sendError(res, 409, "CONFLICT", "This conversation is closed");
  }
  await receive(
    deps,
    req,
    res,
    {
      purpose: "conversation",
      conversationId: conversation.conversationId,
      agentId: conversation.agentId,
      createdBy: "customer",
      accept: WEB_CHAT_ATTACHMENT_MIME_TYPES,
    },
    (file) => ({
      file: attachmentView(file, deps.files.signer.path(file.fileId, VISITOR_LINK_TTL_SECONDS)),
    }),
  );
}
