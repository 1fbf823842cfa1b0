const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units of `text[start, end)`, seeded so feature kinds don't collide. */
export function fnv1a(text: string, start = 0, end = text.length, seed = 0): number {
  let hash = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return mix32(hash);
}

// murmur3's finaliser: FNV's low bits are weak, and the bucket is taken from them.
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
