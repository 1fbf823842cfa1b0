import { gapGroupId, mostSimilar } from "@agents-crm/ai";
import { MAX_GAP_GROUPS_PER_AGENT } from "@agents-crm/config/knowledge-gaps";
import type { ApiDeps } from "../../deps";
import { leastRecentGroup, newGapGroup, withOccurrence, type GapOccurrence } from "./gap-groups";

// Each attempt re-reads the agent's groups; losing more races than this in a row means a storm of the
// same question, and one uncounted occurrence of it changes nothing.
const MAX_ATTEMPTS = 4;

/**
 * Adds a question to the agent's gaps: to the group with the same words, else to the most similar one,
 * else as a new group (replacing the least recently asked when the agent has MAX_GAP_GROUPS_PER_AGENT).
 */
export async function recordKnowledgeGap(
  deps: Pick<ApiDeps, "repos" | "log">,
  occurrence: GapOccurrence,
): Promise<void> {
  const gaps = deps.repos.knowledgeGaps;
  const { agentId, example } = occurrence;
  const groupId = gapGroupId(example.question);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const groups = await gaps.listAll(agentId);
    const match =
      groups.find((group) => group.groupId === groupId) ??
      (await mostSimilar(example.question, groups, (group) => group.question))?.candidate;
    if (match) {
      if (await gaps.replace(withOccurrence(match, occurrence))) return;
      continue;
    }
    if (groups.length >= MAX_GAP_GROUPS_PER_AGENT) {
      const victim = leastRecentGroup(groups);
      if (victim) await gaps.remove(agentId, victim.groupId);
    }
    if (await gaps.create(newGapGroup(groupId, occurrence))) return;
  }
  deps.log.warn("knowledge gap not recorded: its group kept changing", { agentId });
}
