// dynalite ships no types. We use its storage and its DynamoDB actions, not its HTTP server: that server
// throws (and so kills the process) on any storage error, e.g. a full disk (dynalite 4.0.0, index.js).

declare module "dynalite/db/index.js" {
  export interface DynaliteStoreOptions {
    /** LevelDB directory; in memory when undefined. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
  }

  export interface DynaliteStore {
    /** The LevelDB (classic-level) or memory-level database under every table. */
    db: { open(): Promise<void> };
    lifecycleManager: { gracefulClose(): Promise<void> };
  }

  export function create(options: DynaliteStoreOptions): DynaliteStore;
}

declare module "dynalite/validations/index.js" {
  import type { DynaliteStore } from "dynalite/db/index.js";

  export function checkTypes(data: unknown, types: unknown): unknown;
  export function checkValidations(
    data: unknown,
    types: unknown,
    custom: unknown,
    store: DynaliteStore,
  ): void;
}
