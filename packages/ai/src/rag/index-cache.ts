import type { VectorIndex } from "./vector-index";

export interface IndexCacheOptions {
  maxAgents: number;
  maxBytes: number;
  /** Reload an index this old even without an `invalidate`: other replicas may have re-indexed. */
  maxAgeMs: number;
  now: () => Date;
}

interface Entry {
  index: VectorIndex;
  loadedAt: number;
}

/**
 * Per-agent vector indexes, least recently used evicted first (by agent count and by matrix bytes).
 * Concurrent misses for one agent share a single load; an `invalidate` during a load keeps its result out.
 */
export class IndexCache {
  private readonly ready = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<VectorIndex>>();
  private bytes = 0;

  constructor(private readonly options: IndexCacheOptions) {}

  /** The cached index if it is fresh (marking it recently used), without loading anything. */
  peek(agentId: string): VectorIndex | undefined {
    const entry = this.ready.get(agentId);
    if (!entry) return undefined;
    this.drop(agentId);
    if (this.options.now().getTime() - entry.loadedAt > this.options.maxAgeMs) return undefined;
    this.ready.set(agentId, entry);
    this.bytes += entry.index.byteSize;
    return entry.index;
  }

  get(agentId: string, load: () => Promise<VectorIndex>): Promise<VectorIndex> {
    const cached = this.peek(agentId);
    if (cached) return Promise.resolve(cached);
    const pending = this.loading.get(agentId);
    if (pending) return pending;
    const loadedAt = this.options.now().getTime();
    const promise = load().then(
      (index) => {
        // Only the current load may fill the cache: `invalidate` removed (or replaced) a stale one.
        if (this.loading.get(agentId) === promise) {
          this.loading.delete(agentId);
          this.store(agentId, { index, loadedAt });
        }
        return index;
      },
      (error: unknown) => {
        if (this.loading.get(agentId) === promise) this.loading.delete(agentId);
        throw error;
      },
    );
    this.loading.set(agentId, promise);
    return promise;
  }

  invalidate(agentId: string): void {
    this.loading.delete(agentId);
    this.drop(agentId);
  }

  private drop(agentId: string): void {
    const entry = this.ready.get(agentId);
    if (!entry) return;
    this.ready.delete(agentId);
    this.bytes -= entry.index.byteSize;
  }

  private store(agentId: string, entry: Entry): void {
    this.ready.set(agentId, entry);
    this.bytes += entry.index.byteSize;
    for (const [oldest] of this.ready) {
      const over = this.ready.size > this.options.maxAgents || this.bytes > this.options.maxBytes;
      if (!over || oldest === agentId) break;
      this.drop(oldest);
    }
  }
}
