import { z } from "zod";

/** The reference's agent config document (§4); validated and deep-merged by the API, stored as given. */
export const agentConfigDocumentSchema = z.record(z.string(), z.unknown());
export type AgentConfigDocument = z.infer<typeof agentConfigDocumentSchema>;

export const agentRecordSchema = z.object({
  agentId: z.string().min(1),
  config: agentConfigDocumentSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  // The reference's items have neither: they read back as active, version 0.
  isActive: z.boolean().default(true),
  version: z.number().int().default(0),
});
export type AgentRecord = z.infer<typeof agentRecordSchema>;

export const createAgentInputSchema = z.object({
  agentId: z.string().min(1),
  config: agentConfigDocumentSchema,
  isActive: z.boolean().optional(),
});
export type CreateAgentInput = z.infer<typeof createAgentInputSchema>;
