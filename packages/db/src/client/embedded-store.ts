// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- dynalite ships no types; this keeps them visible to every workspace that compiles this file
/// <reference path="./dynalite.d.ts" />
import { statfs } from "node:fs/promises";
import { create, type DynaliteStore } from "dynalite/db/index.js";

/** Room LevelDB needs to reopen and flush a memtable: twice its 4 MB write buffer. */
const ROOM_BYTES = 8 * 1024 * 1024;
const RECOVERY_POLL_MS = 1_000;

export interface StorageFaultListener {
  (fault: { message: string } | null): void;
}

/**
 * The embedded engine's LevelDB store, which outlives storage faults. After a failed write, LevelDB's
 * log may end in a torn record (so a later write could be acknowledged and still vanish on the next
 * open), and a failed compaction leaves it refusing every write until it is reopened. So the first
 * storage error pauses writes (reads go on), and once the disk has room again the store is reopened on
 * the same files and writes resume. In memory there is no disk and nothing to reopen.
 */
export interface RecoveringStore {
  /** The store to use; waits while it is being reopened. */
  ready(): Promise<DynaliteStore>;
  /** Why writes are paused, or null. */
  fault(): string | null;
  /** A storage error came back from the store. */
  report(error: unknown): void;
  close(): Promise<void>;
}

/** Errors of the storage itself (LevelDB I/O, corruption, a closed database), not of the request. */
export function isStorageError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    (typeof code === "string" && code.startsWith("LEVEL_")) ||
    error.message === "Database is closed"
  );
}

/** Opens the store; rejects when LevelDB cannot open its directory. */
export async function openRecoveringStore(options: {
  path?: string;
  onFault?: StorageFaultListener;
}): Promise<RecoveringStore> {
  const open = () =>
    create({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  let store = open();
  await store.db.open();
  let fault: string | null = null;
  let reopening: Promise<void> | null = null;
  let recovery: NodeJS.Timeout | null = null;
  let closed = false;

  const hasRoom = async (path: string) => {
    try {
      const fs = await statfs(path);
      return fs.bavail * fs.bsize >= ROOM_BYTES;
    } catch {
      return true; // not a question of space: let the reopen itself tell
    }
  };

  const reopen = async () => {
    await store.lifecycleManager.gracefulClose().catch(() => undefined);
    store = open();
    await store.db.open();
  };

  const attemptRecovery = async () => {
    recovery = null;
    if (closed || fault === null || !options.path) return;
    const room = await hasRoom(options.path);
    if (closed) return;
    if (room) {
      reopening = reopen();
      try {
        await reopening;
        fault = null;
        options.onFault?.(null);
        return;
      } catch {
        // Still failing (e.g. a read-only remount): keep writes paused and try again.
      } finally {
        reopening = null;
      }
    }
    if (!closed) recovery = setTimeout(() => void attemptRecovery(), RECOVERY_POLL_MS).unref();
  };

  return {
    async ready() {
      while (reopening) await reopening.catch(() => undefined);
      return store;
    },
    fault: () => fault,
    report(error) {
      if (!options.path || fault !== null || closed || !isStorageError(error)) return;
      fault = error instanceof Error ? error.message : String(error);
      options.onFault?.({ message: fault });
      recovery = setTimeout(() => void attemptRecovery(), RECOVERY_POLL_MS).unref();
    },
    async close() {
      closed = true;
      if (recovery) clearTimeout(recovery);
      await reopening?.catch(() => undefined);
      await store.lifecycleManager.gracefulClose();
    },
  };
}
