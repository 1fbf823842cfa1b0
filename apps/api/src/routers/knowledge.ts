import type { TRPCRouterRecord } from "@trpc/server";
import {
  libraryAgentInputSchema,
  libraryCreateInputSchema,
  libraryDocumentInputSchema,
  libraryListInputSchema,
  librarySetSendableInputSchema,
  libraryUpdateInputSchema,
} from "@agents-crm/config/knowledge-library";
import { importInlineSources } from "../domain/knowledge/import-inline";
import {
  createDocument,
  deleteDocument,
  listDocuments,
  listFolders,
  reindexDocument,
  setDocumentSendable,
  updateDocument,
} from "../domain/knowledge/library-documents";
import { adminProcedure, authedProcedure } from "../trpc";

/**
 * The knowledge library: an agent's documents in folders. Every role reads it (operators see what the
 * agent may send); changing it is changing the agent's knowledge, which is owners' and admins', as with
 * `agents.update`.
 */
export const knowledgeRouter = {
  list: authedProcedure
    .input(libraryListInputSchema)
    .query(({ ctx, input }) => listDocuments(ctx, input)),

  folders: authedProcedure
    .input(libraryAgentInputSchema)
    .query(({ ctx, input }) => listFolders(ctx, input)),

  create: adminProcedure
    .input(libraryCreateInputSchema)
    .mutation(({ ctx, input }) => createDocument(ctx, input)),

  update: adminProcedure
    .input(libraryUpdateInputSchema)
    .mutation(({ ctx, input }) => updateDocument(ctx, input)),

  setSendable: adminProcedure
    .input(librarySetSendableInputSchema)
    .mutation(({ ctx, input }) => setDocumentSendable(ctx, input)),

  reindex: adminProcedure
    .input(libraryDocumentInputSchema)
    .mutation(({ ctx, input }) => reindexDocument(ctx, input)),

  delete: adminProcedure
    .input(libraryDocumentInputSchema)
    .mutation(({ ctx, input }) => deleteDocument(ctx, input)),

  importInline: adminProcedure
    .input(libraryAgentInputSchema)
    .mutation(({ ctx, input }) => importInlineSources(ctx, input)),
} satisfies TRPCRouterRecord;
