import type { Db } from "../client/db";
import { createCannedResponseReads } from "./canned-response-reads";
import { createCannedResponseWrites } from "./canned-response-writes";
import type { RepositoryContext } from "./context";

/**
 * Canned responses: staff's saved replies. Listing is a Query on a sparse index (`list_pk` only on
 * responses), by shortcut or most used; shortcuts are unique per agent and language scope through claim
 * items; uses are counted with an atomic ADD.
 */
export function createCannedResponsesRepository(db: Db, ctx: RepositoryContext) {
  const reads = createCannedResponseReads(db, ctx);
  const { get } = reads;
  return { ...reads, ...createCannedResponseWrites(db, ctx, get) };
}

export type CannedResponsesRepository = ReturnType<typeof createCannedResponsesRepository>;
