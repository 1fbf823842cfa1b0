import { randomUUID } from "node:crypto";
import { monotonicFactory } from "ulid";
import type { Now } from "./clock";

export type IdFactory = () => string;

/**
 * ULIDs sort by creation time; the monotonic factory keeps ids made in the same millisecond (or under a
 * clock that steps back) strictly increasing within this process.
 */
export function createUlidFactory(now: Now): IdFactory {
  const next = monotonicFactory();
  return () => next(now().getTime());
}

export const newUuid: IdFactory = () => randomUUID();
