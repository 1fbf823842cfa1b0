/**
 * A small per-process memo: values live `ttlMs`; only values `keep` accepts are stored (by default all
 * but null, so what is created is seen at once). The map is simply cleared when it grows past `max`.
 */
export function createTtlCache<V>(options: {
  ttlMs: number;
  keep?: (value: V) => boolean;
  max?: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const max = options.max ?? 10_000;
  const keep = options.keep ?? ((value: V) => value !== null);
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    /** The cached value, or what `load` yields; `fresh` bypasses the cache (and refreshes it). */
    async get(key: string, load: () => Promise<V>, fresh = false): Promise<V> {
      const hit = entries.get(key);
      if (!fresh && hit && hit.expiresAt > now()) return hit.value;
      const value = await load();
      if (options.ttlMs > 0 && keep(value)) {
        if (entries.size >= max) entries.clear();
        entries.set(key, { value, expiresAt: now() + options.ttlMs });
      } else {
        entries.delete(key);
      }
      return value;
    },
  };
}
