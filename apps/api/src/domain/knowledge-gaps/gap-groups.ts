import {
  MAX_GAP_EXAMPLES,
  MAX_GAP_QUESTION_CHARS,
  type KnowledgeGapExample,
} from "@agents-crm/config/knowledge-gaps";
import type { StoredKnowledgeGap } from "@agents-crm/db";

/** One unanswered question, as a turn saw it. */
export interface GapOccurrence {
  agentId: string;
  example: KnowledgeGapExample;
}

/** The question as stored: whitespace collapsed, cut to the stored length. */
export function gapQuestionText(messages: readonly string[]): string {
  const text = messages.join(" ").replace(/\s+/g, " ").trim();
  return text.length <= MAX_GAP_QUESTION_CHARS
    ? text
    : `${text.slice(0, MAX_GAP_QUESTION_CHARS - 1)}…`;
}

export function newGapGroup(
  groupId: string,
  occurrence: GapOccurrence,
): Omit<StoredKnowledgeGap, "version"> {
  const { example } = occurrence;
  return {
    agentId: occurrence.agentId,
    groupId,
    question: example.question,
    count: 1,
    firstSeenAt: example.at,
    lastSeenAt: example.at,
    examples: [example],
  };
}

/**
 * The group with one more occurrence: counted, newest example first, one example per conversation (a
 * customer asking twice is one voice), at most MAX_GAP_EXAMPLES.
 */
export function withOccurrence(
  group: StoredKnowledgeGap,
  occurrence: GapOccurrence,
): StoredKnowledgeGap {
  const { example } = occurrence;
  const others = group.examples.filter((e) => e.conversationId !== example.conversationId);
  return {
    ...group,
    count: group.count + 1,
    lastSeenAt: example.at > group.lastSeenAt ? example.at : group.lastSeenAt,
    examples: [example, ...others].slice(0, MAX_GAP_EXAMPLES),
  };
}

/** The group a new one replaces when the agent has as many as it may keep: the one asked least recently. */
export function leastRecentGroup(
  groups: readonly StoredKnowledgeGap[],
): StoredKnowledgeGap | undefined {
  return groups.reduce<StoredKnowledgeGap | undefined>(
    (oldest, group) => (!oldest || group.lastSeenAt < oldest.lastSeenAt ? group : oldest),
    undefined,
  );
}
