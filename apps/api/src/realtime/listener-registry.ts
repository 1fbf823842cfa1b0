import type { Logger } from "../logger";
import type { RealtimeEvent, RealtimeListener } from "./types";

/** The listeners of this process, per stream; empty streams are forgotten so memory follows sockets. */
export function createListenerRegistry(log: Logger) {
  const byStream = new Map<string, Set<RealtimeListener>>();

  return {
    add(stream: string, listener: RealtimeListener): () => void {
      let set = byStream.get(stream);
      if (!set) {
        set = new Set();
        byStream.set(stream, set);
      }
      // A wrapper, so the same function subscribed twice is two subscriptions.
      const entry: RealtimeListener = (event) => listener(event);
      set.add(entry);
      return () => {
        const current = byStream.get(stream);
        if (!current?.delete(entry)) return;
        if (current.size === 0) byStream.delete(stream);
      };
    },

    deliver(event: RealtimeEvent): void {
      const set = byStream.get(event.stream);
      if (!set) return;
      for (const listener of [...set]) {
        try {
          listener(event);
        } catch (error) {
          log.error("realtime listener failed", { stream: event.stream, type: event.type, error });
        }
      }
    },

    has(stream: string): boolean {
      return byStream.has(stream);
    },

    streams(): string[] {
      return [...byStream.keys()];
    },

    count(stream?: string): number {
      if (stream !== undefined) return byStream.get(stream)?.size ?? 0;
      let total = 0;
      // The replica's own listeners (cluster#…: web-turn hand-offs) are no client's subscriptions.
      for (const [name, set] of byStream) if (!name.startsWith("cluster#")) total += set.size;
      return total;
    },

    clear(): void {
      byStream.clear();
    },
  };
}

export type ListenerRegistry = ReturnType<typeof createListenerRegistry>;
