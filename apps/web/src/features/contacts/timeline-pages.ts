/**
 * The timeline as read so far: the first page `contacts.byId` brought, then each "Load more" page. A
 * conversation active since the first page was read may come again on a later page: shown once, where
 * it was first seen.
 */
export function joinTimelinePages<T extends { conversationId: string }>(
  first: readonly T[],
  more: readonly T[],
): T[] {
  const seen = new Set<string>();
  return [...first, ...more].filter((entry) => {
    if (seen.has(entry.conversationId)) return false;
    seen.add(entry.conversationId);
    return true;
  });
}
