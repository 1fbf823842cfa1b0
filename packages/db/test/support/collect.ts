import type { Page } from "../../src/lib/page";

/** Follows cursors to the end, checking every page respects the limit. */
export async function collectAll<T>(
  fetch: (cursor: string | null) => Promise<Page<T>>,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await fetch(cursor);
    if (page.items.length > limit) throw new Error(`page of ${page.items.length} > limit ${limit}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}
