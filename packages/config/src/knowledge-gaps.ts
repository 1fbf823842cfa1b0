import { z } from "zod";

/**
 * Knowledge gaps: customer questions an agent could not answer from its knowledge, grouped per agent.
 * Bounds live here so the API, the store and the console agree on them.
 */

/** Why a question counts as a gap: nothing in the knowledge base scored above the agent's threshold, or
 * the customer got the fallback text because the model failed. */
export const KNOWLEDGE_GAP_REASONS = ["no_knowledge", "fallback"] as const;
export const knowledgeGapReasonSchema = z.enum(KNOWLEDGE_GAP_REASONS);
export type KnowledgeGapReason = z.infer<typeof knowledgeGapReasonSchema>;

/** Groups kept per agent: a new group past this evicts the one asked least recently. */
export const MAX_GAP_GROUPS_PER_AGENT = 100;
/** Examples kept per group, newest first. */
export const MAX_GAP_EXAMPLES = 3;
/** A question is stored up to this many characters. */
export const MAX_GAP_QUESTION_CHARS = 500;
/** A group nobody asked about for this long is forgotten. */
export const GAP_TTL_DAYS = 90;
export const MAX_GAP_PAGE = 100;

export const knowledgeGapExampleSchema = z.object({
  question: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  reason: knowledgeGapReasonSchema,
  at: z.string(),
});
export type KnowledgeGapExample = z.infer<typeof knowledgeGapExampleSchema>;

/** One group as the API returns it. */
export const knowledgeGapSchema = z.object({
  agentId: z.string(),
  groupId: z.string(),
  /** The first question of the group, which stands for it. */
  question: z.string(),
  count: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  examples: z.array(knowledgeGapExampleSchema),
});
export type KnowledgeGap = z.infer<typeof knowledgeGapSchema>;
