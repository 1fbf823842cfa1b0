import { randomUUID } from "node:crypto";
import {
  foldersOf,
  libraryKindOf,
  MAX_LIBRARY_DOCUMENTS_PER_AGENT,
  type KnowledgeDocumentView,
} from "@agents-crm/config/knowledge-library";
import type { KnowledgeDocumentPatch, StoredKnowledgeDocument } from "@agents-crm/db";
import type { StaffContext } from "../agents/agent-context";
import { recordAudit } from "../audit";
import { conflict, invalidInput, notFound } from "../errors";
import { deleteLibraryFile, libraryFileInfo } from "./library-files";
import { scheduleIndexing } from "./library-indexer";
import { toDocumentView } from "./library-views";

export function newDocumentId(): string {
  return `kd_${randomUUID().replaceAll("-", "")}`;
}

export async function agentOrThrow(ctx: Pick<StaffContext, "deps">, agentId: string) {
  const agent = await ctx.deps.repos.agents.get(agentId);
  if (!agent) throw notFound(`Agent ${agentId} not found`);
  return agent;
}

async function documentOrThrow(ctx: Pick<StaffContext, "deps">, agentId: string, id: string) {
  const document = await ctx.deps.repos.knowledgeDocuments.get(agentId, id);
  if (!document) throw notFound(`Knowledge document ${id} not found`);
  return document;
}

const byFolderThenTitle = (a: KnowledgeDocumentView, b: KnowledgeDocumentView) =>
  a.folder.localeCompare(b.folder) || a.title.localeCompare(b.title);

export async function listDocuments(
  ctx: Pick<StaffContext, "deps">,
  input: { agentId: string; folder?: string },
): Promise<KnowledgeDocumentView[]> {
  const all = await ctx.deps.repos.knowledgeDocuments.listByAgent(input.agentId);
  return all
    .filter((document) => input.folder === undefined || document.folder === input.folder)
    .map(toDocumentView)
    .sort(byFolderThenTitle);
}

export async function listFolders(
  ctx: Pick<StaffContext, "deps">,
  input: { agentId: string },
): Promise<{ folders: { path: string; documents: number }[] }> {
  const all = await ctx.deps.repos.knowledgeDocuments.listByAgent(input.agentId);
  const folders = foldersOf(all.map((document) => document.folder));
  return {
    folders: folders.map((path) => ({
      path,
      documents: all.filter((d) => d.folder === path || d.folder.startsWith(`${path}/`)).length,
    })),
  };
}

export interface CreateDocumentInput {
  agentId: string;
  folder: string;
  title?: string;
  sendable: boolean;
  fileId?: string;
  text?: string;
  caption?: string;
}

/** A new document, queued for indexing in the background. */
export async function createDocument(
  ctx: StaffContext,
  input: CreateDocumentInput,
  origin: { inlineSourceId?: string; index?: "background" | "none" } = {},
): Promise<KnowledgeDocumentView> {
  await agentOrThrow(ctx, input.agentId);
  const existing = await ctx.deps.repos.knowledgeDocuments.listByAgent(input.agentId);
  if (existing.length >= MAX_LIBRARY_DOCUMENTS_PER_AGENT)
    throw conflict(`An agent's library holds at most ${MAX_LIBRARY_DOCUMENTS_PER_AGENT} documents`);
  const file = input.fileId ? await libraryFileInfo(ctx.deps, input.agentId, input.fileId) : null;
  const kind = file ? libraryKindOf(file.name, file.mimeType) : "text";
  if (!kind)
    throw invalidInput(
      "fileId",
      `"${file?.name}" is not a document the library takes (.txt, .md, .pdf, .docx or an image)`,
    );
  if (kind === "image" && !input.caption)
    throw invalidInput("caption", "an image needs a caption or alt text: that is what is indexed");
  const now = new Date().toISOString();
  const document: Omit<StoredKnowledgeDocument, "version"> = {
    documentId: newDocumentId(),
    agentId: input.agentId,
    folder: input.folder,
    title: input.title ?? titleFromFileName(file?.name ?? "document"),
    kind,
    fileId: file?.fileId ?? null,
    fileName: file?.name ?? null,
    mimeType: file?.mimeType ?? null,
    size: file?.size ?? null,
    state: "queued",
    progress: 0,
    failureReason: null,
    sendable: input.sendable,
    chunkCount: 0,
    inlineSourceId: origin.inlineSourceId ?? null,
    createdAt: now,
    updatedAt: now,
    text: input.text ?? null,
    caption: input.caption ?? null,
    contentVersion: 1,
  };
  if (!(await ctx.deps.repos.knowledgeDocuments.create(document)))
    throw conflict("A document with this id exists already; try again");
  await recordAudit(ctx, {
    action: "knowledge.create",
    resourceType: "agent",
    resourceId: input.agentId,
    newValue: { documentId: document.documentId, title: document.title, folder: document.folder },
    metadata: {
      kind,
      sendable: input.sendable,
      ...(origin.inlineSourceId ? { inline: true } : {}),
    },
  });
  if (origin.index !== "none") scheduleIndexing(ctx.deps, input.agentId, document.documentId);
  return toDocumentView({ ...document, version: 1 });
}

function titleFromFileName(name: string): string {
  const base = name
    .replace(/\.[^.]+$/, "")
    .replace(/[_-]+/g, " ")
    .trim();
  return (base || "document").slice(0, 200);
}

async function applyUpdate(
  ctx: StaffContext,
  current: StoredKnowledgeDocument,
  patch: KnowledgeDocumentPatch,
  options: { reindex?: boolean } = {},
): Promise<StoredKnowledgeDocument> {
  const updated = await ctx.deps.repos.knowledgeDocuments.update(current, patch, options);
  if (!updated)
    throw conflict(
      `Knowledge document ${current.documentId} changed meanwhile; reload and try again`,
    );
  return updated;
}

/** Rename, move to another folder, or a new caption (which re-indexes an image). */
export async function updateDocument(
  ctx: StaffContext,
  input: { agentId: string; documentId: string; title?: string; folder?: string; caption?: string },
): Promise<KnowledgeDocumentView> {
  const current = await documentOrThrow(ctx, input.agentId, input.documentId);
  const captionChanged = input.caption !== undefined && input.caption !== current.caption;
  if (captionChanged && current.kind === "image" && !input.caption)
    throw invalidInput("caption", "an image needs a caption or alt text: that is what is indexed");
  // The title is embedded with every chunk, so a new title is a new index too.
  const titleChanged = input.title !== undefined && input.title !== current.title;
  const reindex = captionChanged || titleChanged;
  const updated = await applyUpdate(
    ctx,
    current,
    {
      title: input.title,
      folder: input.folder,
      caption: captionChanged ? input.caption : undefined,
      ...(reindex ? { state: "queued" as const, progress: 0 } : {}),
    },
    { reindex },
  );
  await recordAudit(ctx, {
    action: "knowledge.update",
    resourceType: "agent",
    resourceId: input.agentId,
    oldValue: { title: current.title, folder: current.folder },
    newValue: { title: updated.title, folder: updated.folder },
    metadata: { documentId: current.documentId, ...(captionChanged ? { caption: true } : {}) },
  });
  if (reindex) scheduleIndexing(ctx.deps, input.agentId, input.documentId);
  return toDocumentView(updated);
}

export async function setDocumentSendable(
  ctx: StaffContext,
  input: { agentId: string; documentId: string; sendable: boolean },
): Promise<KnowledgeDocumentView> {
  const current = await documentOrThrow(ctx, input.agentId, input.documentId);
  if (current.sendable === input.sendable) return toDocumentView(current);
  if (input.sendable && !current.fileId)
    throw invalidInput("sendable", "only a document with a file can be sent to customers");
  const updated = await applyUpdate(ctx, current, { sendable: input.sendable });
  await ctx.deps.knowledge.setDocumentSendable(input.agentId, input.documentId, input.sendable);
  await recordAudit(ctx, {
    action: "knowledge.update",
    resourceType: "agent",
    resourceId: input.agentId,
    oldValue: { sendable: current.sendable },
    newValue: { sendable: input.sendable },
    metadata: { documentId: current.documentId },
  });
  return toDocumentView(updated);
}

export async function reindexDocument(
  ctx: StaffContext,
  input: { agentId: string; documentId: string },
): Promise<KnowledgeDocumentView> {
  const current = await documentOrThrow(ctx, input.agentId, input.documentId);
  const updated = await applyUpdate(
    ctx,
    current,
    { state: "queued", progress: 0, failureReason: null },
    { reindex: true },
  );
  scheduleIndexing(ctx.deps, input.agentId, input.documentId);
  return toDocumentView(updated);
}

/** The document, its chunks and its file. */
export async function deleteDocument(
  ctx: StaffContext,
  input: { agentId: string; documentId: string },
): Promise<{ deleted: true; chunks: number }> {
  const removed = await ctx.deps.repos.knowledgeDocuments.remove(input.agentId, input.documentId);
  if (!removed) throw notFound(`Knowledge document ${input.documentId} not found`);
  const chunks = await ctx.deps.knowledge.removeDocument(input.agentId, input.documentId);
  if (removed.fileId) await deleteLibraryFile(ctx.deps, removed.fileId);
  await recordAudit(ctx, {
    action: "knowledge.delete",
    resourceType: "agent",
    resourceId: input.agentId,
    oldValue: { documentId: removed.documentId, title: removed.title, folder: removed.folder },
    metadata: { chunks },
  });
  return { deleted: true, chunks };
}
