export { migrateFromReference, MigrationBlockedError } from "./migrate";
export type { MigrateOptions, MigrationReport } from "./migrate";
export { isTimeOrderedId, parseLegacyTimestamp, timeOrderedIdFor } from "./legacy-values";
export { planSchema } from "./schema-plan";
export type { SchemaPlan } from "./schema-plan";
export type { RekeyReport } from "./rekey-messages";
export type { LegacyRagReport, LegacyTtlReport, MissingSecretsReport } from "./legacy-report";
export { backfillSearchIndex } from "./search-backfill";
export type { SearchBackfillReport } from "./search-backfill";
