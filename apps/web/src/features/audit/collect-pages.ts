export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every page of a cursor list, in order. `onProgress` hears the running count; an aborted signal
 * stops between pages. A cursor seen twice means the server went round in a circle: that fails
 * instead of looping forever.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | null) => Promise<PageOf<T>>,
  options: { signal?: AbortSignal; onProgress?: (count: number) => void } = {},
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    options.signal?.throwIfAborted();
    const page: PageOf<T> = await fetchPage(cursor);
    all.push(...page.items);
    options.onProgress?.(all.length);
    cursor = page.nextCursor;
    if (cursor !== null) {
      if (seen.has(cursor)) throw new Error("the list returned the same cursor twice");
      seen.add(cursor);
    }
  } while (cursor !== null);
  return all;
}
