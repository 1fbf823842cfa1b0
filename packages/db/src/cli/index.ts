// `@agents-crm/db/cli`: the database's operations as functions (npm scripts and the agents-crm CLI run them).
export { runProvision } from "./provision-command";
export { MIGRATE_OPTIONS, runMigrate } from "../migrate/migrate-command";
