import type { Repositories, StoredKnowledgeGap } from "@agents-crm/db";

const MAX_ATTEMPTS = 5;

/**
 * A group with this conversation's examples removed (its count lowered by as many), or null when none
 * of its examples is left: the group's question was a customer's words, so it goes with them.
 */
function without(gap: StoredKnowledgeGap, conversationId: string): StoredKnowledgeGap | null {
  const kept = gap.examples.filter((example) => example.conversationId !== conversationId);
  if (kept.length === 0) return null;
  const removed = gap.examples.filter((example) => example.conversationId === conversationId);
  const question = removed.some((example) => example.question === gap.question)
    ? (kept[kept.length - 1]?.question ?? gap.question)
    : gap.question;
  return {
    ...gap,
    question,
    examples: kept,
    count: Math.max(kept.length, gap.count - removed.length),
  };
}

/**
 * Removes one conversation's questions from its agent's knowledge gaps (a bounded partition); returns
 * how many examples went. Writes are conditioned on the version read: a concurrent change re-reads.
 */
export async function forgetGapExamples(
  repos: Pick<Repositories, "knowledgeGaps">,
  agentId: string,
  conversationId: string,
): Promise<number> {
  let forgotten = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const touched = (await repos.knowledgeGaps.listAll(agentId)).filter((gap) =>
      gap.examples.some((example) => example.conversationId === conversationId),
    );
    if (touched.length === 0) return forgotten;
    for (const gap of touched) {
      const next = without(gap, conversationId);
      const removed = gap.examples.length - (next?.examples.length ?? 0);
      if (next === null) {
        if (await repos.knowledgeGaps.remove(agentId, gap.groupId)) forgotten += removed;
      } else if (await repos.knowledgeGaps.replace(next)) {
        forgotten += removed;
      }
    }
  }
  return forgotten;
}
