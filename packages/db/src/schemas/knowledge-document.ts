import { knowledgeDocumentViewSchema } from "@agents-crm/config/knowledge-library";
import { z } from "zod";

export {
  knowledgeDocumentViewSchema,
  type KnowledgeDocumentKind,
  type KnowledgeDocumentState,
  type KnowledgeDocumentView,
} from "@agents-crm/config/knowledge-library";

/**
 * A library document as stored: the view plus the indexed text's source (typed text or an image's
 * caption; file documents are read from their file) and the version its conditional writes check.
 */
export const storedKnowledgeDocumentSchema = knowledgeDocumentViewSchema.extend({
  text: z.string().nullable().default(null),
  caption: z.string().nullable().default(null),
  /** Bumped by every change that needs a new index; an indexing run started for an older one stops. */
  contentVersion: z.number().int().default(1),
  version: z.number().int(),
});
export type StoredKnowledgeDocument = z.infer<typeof storedKnowledgeDocumentSchema>;
