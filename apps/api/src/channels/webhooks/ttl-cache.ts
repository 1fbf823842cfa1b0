/**
 * A small per-process memo: values live `ttlMs`; only values `keep` accepts are stored (by default all
 * but null, so what is created is seen at once). Past `max` entries the oldest is dropped, so keys a
 * stranger invents (a cache of misses) cannot grow it, nor flush what the real traffic needs.
 */
export function createTtlCache<V>(options: {
  ttlMs: number;
  keep?: (value: V) => boolean;
  max?: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const max = Math.max(1, options.max ?? 10_000);
  const keep = options.keep ?? ((value: V) => value !== null);
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    /** The cached value, or what `load` yields; `fresh` bypasses the cache (and refreshes it). */
    async get(key: string, load: () => Promise<V>, fresh = false): Promise<V> {
      const hit = entries.get(key);
      if (!fresh && hit && hit.expiresAt > now()) return hit.value;
      const value = await load();
      // Re-inserted keys move to the end: Map order is insertion order, so the first key is the oldest.
      entries.delete(key);
      if (options.ttlMs > 0 && keep(value)) {
        if (entries.size >= max) entries.delete(entries.keys().next().value as string);
        entries.set(key, { value, expiresAt: now() + options.ttlMs });
      }
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
