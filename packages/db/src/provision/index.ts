export * from "./provision";
export * from "./backfill";
export { backfillAfterProvision } from "./backfill-queue";
export { backfillSnoozeIndex, backfillSnoozeIndexOnce } from "./backfill-snooze";
export * from "./missing-tables";
export { rebuildTableName } from "./embedded-rebuild";
export { isTtlApiMissing, ttlDeletesExpired } from "./ttl";
