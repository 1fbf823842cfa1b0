/**
 * Real-time events. Streams: "admin" (every staff console), `conversation#<id>` (one web chat) and
 * "access" (internal: access changes that open staff subscriptions follow).
 * Every event is appended to the durable event log first, so its id (a ULID) can resume a subscription
 * with tRPC `tracked()` after a reconnect, on any replica.
 */
export interface RealtimeEvent<TPayload = unknown> {
  id: string;
  stream: string;
  type: string;
  payload: TPayload;
  at: string;
  /** Fan-out only (reply deltas): not in the log, never replayed, its id is not a resume point. */
  transient?: true;
}

export type RealtimeListener = (event: RealtimeEvent) => void;

export interface EventHub {
  /** Logs then fans the event out: in-process, and through Redis to other replicas when configured. */
  publish<T>(stream: string, type: string, payload: T): Promise<RealtimeEvent<T>>;
  /**
   * Fans out again an event already in the log, under its own id (subscribers keep one copy per id):
   * for one a process may have logged and then died before telling anyone.
   */
  rebroadcast(event: RealtimeEvent): void;
  /** Fan-out only (no persistence): e.g. token-by-token reply deltas that need no replay. */
  publishTransient<T>(stream: string, type: string, payload: T): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(stream: string, listener: RealtimeListener): () => void;
  /**
   * Events after `afterId` from the durable log, oldest first (for resume). Waits for this process's
   * publishes already under way on the stream, so a subscriber that replays misses none of them.
   */
  replay(stream: string, afterId: string | null, limit?: number): Promise<RealtimeEvent[]>;
  /** For leak tests and health: live listeners in this process. */
  listenerCount(stream?: string): number;
  /**
   * How far before a client's `lastEventId` a resume starts (0 in a single process). Event ids are
   * monotonic per process only: with replicas, an event logged elsewhere a moment earlier can carry a
   * smaller id yet arrive later, so a resume re-reads this window and the client de-duplicates by id.
   */
  readonly resumeSkewMs: number;
  /** Resolves when cross-replica fan-out is subscribed (at once without Redis). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export const ADMIN_STREAM = "admin";
/** Sign-outs, deactivations and role changes: open staff subscriptions re-check their caller. */
export const ACCESS_STREAM = "access";
export const conversationStream = (conversationId: string) => `conversation#${conversationId}`;
