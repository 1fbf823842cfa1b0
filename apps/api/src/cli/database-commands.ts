import { parseCommandArgs, UsageError, type Command } from "./command";

export const provision: Command = {
  name: "provision",
  summary: "create the DynamoDB tables, indexes and TTL (same as npm run db:provision)",
  help: `Usage: agents-crm provision [--backfill]

Creates the tables the environment names (AWS_* / DYNAMODB_*, or the embedded database in DATA_DIR)
with their indexes and TTL; safe to re-run. --backfill also gives items written by the reference
product the new index attributes (scans the tables).

Example:
  AWS_REGION=eu-central-1 npx agents-crm provision`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { backfill: { type: "boolean", default: false } });
    const { runProvision } = await import("@agents-crm/db/cli");
    await runProvision({ backfill: values.backfill, print: io.out });
  },
};

export const migrate: Command = {
  name: "migrate",
  summary: "bring a deployment of the reference product up to date (same as npm run db:migrate)",
  help: `Usage: agents-crm migrate [--dry-run] [--legacy-ttl=keep|apply] [--resume=<checkpoint>]

Brings an existing deployment of the Python product (its tables, found through AWS_* / DYNAMODB_*)
up to what this project needs and reports what it changed; safe to re-run. --dry-run writes nothing,
--legacy-ttl=apply expires what the reference's never-enforced ttl meant to, --resume continues an
interrupted run from the checkpoint it printed.

Example:
  npx agents-crm migrate --dry-run`,
  async run(args, io) {
    const unknown = args.filter((a) => !/^--(dry-run|legacy-ttl=(keep|apply)|resume=\S+)$/.test(a));
    if (unknown.length) throw new UsageError(`unknown option ${unknown.join(" ")}`);
    const { runMigrate } = await import("@agents-crm/db/cli");
    await runMigrate(args, io.out);
  },
};

export const searchBackfill: Command = {
  name: "search-backfill",
  summary: "index conversations stored before the search index (same as npm run search:backfill)",
  help: `Usage: agents-crm search-backfill

Indexes the conversations and messages stored before the search index existed; safe to re-run.
With the embedded database, stop the API first (the database opens in one process at a time).`,
  async run(args, io) {
    parseCommandArgs(args, {});
    const { runSearchBackfill } = await import("./search-backfill-command");
    await runSearchBackfill(io.out);
  },
};

export const normalizePhones: Command = {
  name: "normalize-phones",
  summary: "store phones typed without a country code in E.164, label the ones it cannot tell",
  help: `Usage: agents-crm normalize-phones [--dry-run]

Phones staff typed before a country code was required were stored as "+" and the digits as typed
("8 999 123-45-67" became +89991234567). Each contact's phones are read again with its agents'
countries: those read as one number are stored in E.164 (audited); the others are left as they are,
printed, and their contact labelled "phone-check" (the contacts' label filter lists them). Safe to
re-run. --dry-run prints what it would change and writes nothing.

Example:
  npx agents-crm normalize-phones --dry-run`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { "dry-run": { type: "boolean", default: false } });
    const { runNormalizePhones } = await import("./normalize-phones-command");
    await runNormalizePhones({ dryRun: values["dry-run"] }, io.out);
  },
};
