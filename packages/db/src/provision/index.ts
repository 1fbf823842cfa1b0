export * from "./provision";
export * from "./backfill";
export * from "./missing-tables";
export { rebuildTableName } from "./embedded-rebuild";
