export * from "./provision";
export * from "./backfill";
export { rebuildTableName } from "./embedded-rebuild";
