import { knowledgeGapSchema } from "@agents-crm/config/knowledge-gaps";
import { z } from "zod";

export {
  knowledgeGapSchema,
  type KnowledgeGap,
  type KnowledgeGapExample,
  type KnowledgeGapReason,
} from "@agents-crm/config/knowledge-gaps";

/** A group as stored: the shape the API returns plus the version its conditional writes check. */
export const storedKnowledgeGapSchema = knowledgeGapSchema.extend({ version: z.number().int() });
export type StoredKnowledgeGap = z.infer<typeof storedKnowledgeGapSchema>;
