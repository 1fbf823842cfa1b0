import type { Conversation, Page } from "@agents-crm/db";

/** A label filter reads at most this many conversations per call, then returns what it has with a cursor. */
export const LABEL_SCAN_BUDGET = 1_000;

type Fetch = (cursor: string | null | undefined, size: number) => Promise<Page<Conversation>>;

/**
 * The inbox narrowed to one label. No index can key a multi-valued attribute, so the label is a filter on
 * the list's own bounded page reads: pages are read until `limit` matches or LABEL_SCAN_BUDGET
 * conversations, and the cursor resumes right after the last conversation judged — complete and never
 * repeating (a page may hold fewer than `limit` items while `nextCursor` is set).
 */
export async function listLabelled(
  fetch: Fetch,
  label: string,
  startCursor: string | null | undefined,
  limit: number,
): Promise<Page<Conversation>> {
  const items: Conversation[] = [];
  let cursor = startCursor ?? null;
  let scanned = 0;
  const labelled = (page: readonly Conversation[]) =>
    page.flatMap((c, index) => (c.labels?.includes(label) ? [index] : []));
  while (items.length < limit && scanned < LABEL_SCAN_BUDGET) {
    const remaining = limit - items.length;
    const page = await fetch(cursor, Math.min(100, Math.max(25, remaining * 2)));
    scanned += page.items.length;
    const hits = labelled(page.items);
    if (hits.length > remaining) {
      // More matches than needed: read the same page again up to the last one kept, so the cursor
      // resumes right after it (cursors point after the last item a page returned).
      const exact = await fetch(cursor, (hits[remaining - 1] as number) + 1);
      items.push(...labelled(exact.items).map((index) => exact.items[index] as Conversation));
      return { items, nextCursor: exact.nextCursor };
    }
    items.push(...hits.map((index) => page.items[index] as Conversation));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items, nextCursor: cursor };
}
