import type { Now } from "../lib/clock";
import { systemNow } from "../lib/clock";
import type { IdFactory } from "../lib/ids";
import { createUlidFactory } from "../lib/ids";

export interface RepositoryOptions {
  now?: Now;
  /** MESSAGE_TTL_HOURS: messages and conversations expire this long after their last activity; 0 = never. */
  messageTtlHours?: number;
  /** Items per DynamoDB request inside list helpers; only tests set it (to force many pages). */
  queryPageSize?: number;
}

/** What every repository receives: resolved options plus one shared monotonic ULID factory. */
export interface RepositoryContext {
  now: Now;
  messageTtlHours: number;
  queryPageSize?: number;
  ulid: IdFactory;
}

export const DEFAULT_MESSAGE_TTL_HOURS = 48;

export function repositoryContext(options: RepositoryOptions = {}): RepositoryContext {
  const now = options.now ?? systemNow;
  return {
    now,
    messageTtlHours: options.messageTtlHours ?? DEFAULT_MESSAGE_TTL_HOURS,
    queryPageSize: options.queryPageSize,
    ulid: createUlidFactory(now),
  };
}
