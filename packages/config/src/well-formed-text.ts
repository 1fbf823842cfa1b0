/**
 * A lone UTF-16 surrogate is valid JSON ("\ud800") but not text: it cannot be encoded as UTF-8, so it
 * breaks `encodeURIComponent`, some databases and exports. With the `u` flag a regex sees a surrogate
 * pair as one code point, so `\p{Cs}` matches only the unpaired halves.
 */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

/** The string with each lone surrogate replaced by U+FFFD (what `String.prototype.toWellFormed` does). */
export function wellFormed(text: string): string {
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATES, "\ufffd") : text;
}

type Container = unknown[] | Record<string, unknown>;

function containerOf(value: unknown): Container | null {
  if (Array.isArray(value)) return value as unknown[];
  if (typeof value !== "object" || value === null) return null;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? (value as Record<string, unknown>) : null;
}

/**
 * Repairs every string and object key in a freshly parsed value, in place. Iterative (a deeply nested
 * body must not overflow the stack) and cycle-safe (superjson can restore shared references).
 */
export function toWellFormedDeep<T>(value: T): T {
  if (typeof value === "string") return wellFormed(value) as T;
  const root = containerOf(value);
  if (!root) return value;
  const seen = new Set<Container>([root]);
  const stack: Container[] = [root];
  const visit = (item: unknown) => {
    const child = containerOf(item);
    if (child && !seen.has(child)) {
      seen.add(child);
      stack.push(child);
    }
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (typeof item === "string") node[i] = wellFormed(item);
        else visit(item);
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      const item = node[key];
      const repaired = typeof item === "string" ? wellFormed(item) : item;
      const fixedKey = wellFormed(key);
      if (fixedKey !== key) delete node[key];
      if (fixedKey !== key || repaired !== item) node[fixedKey] = repaired;
      visit(item);
    }
  }
  return value;
}
