import { EnvError } from "@agents-crm/config/env";
import { TRPCError } from "@trpc/server";
import { StartupError } from "../bootstrap/startup-error";
import { CommandFailed, UsageError, type CliIo, type Command } from "./command";
import { exportAgent, importAgent } from "./agent-commands";
import { migrate, normalizePhones, provision, searchBackfill } from "./database-commands";
import { replayDeadLetters } from "./dead-letter-commands";
import { createOwner, resetPassword } from "./staff-commands";

export const COMMANDS: readonly Command[] = [
  createOwner,
  resetPassword,
  exportAgent,
  importAgent,
  provision,
  migrate,
  replayDeadLetters,
  searchBackfill,
  normalizePhones,
];

/** 0 done, 1 the operation failed, 2 the command was called wrongly. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: agents-crm <command> [options]",
    "",
    "Operations on the deployment the environment names (DATA_DIR for the embedded database, or",
    "AWS_* / DYNAMODB_* as for the API). With the embedded database, stop the API first.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "agents-crm <command> --help shows a command's options.",
  ].join("\n");
}

/** What a failure says: our own errors by their message, the API's by code and message. */
function describe(error: unknown): string {
  if (error instanceof TRPCError) {
    const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] })?.issues;
    if (error.code === "BAD_REQUEST" && issues?.length) {
      return issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    }
    return `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`agents-crm: unknown command "${name}"\n\n${overview()}`);
    return EXIT.usage;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.out(command.help);
    return EXIT.ok;
  }
  try {
    await command.run(args, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        `agents-crm ${name}: ${error.message}\nRun "agents-crm ${name} --help" for its options.`,
      );
      return EXIT.usage;
    }
    const expected = [CommandFailed, EnvError, StartupError, TRPCError].some(
      (k) => error instanceof k,
    );
    // Unexpected: the stack helps whoever reports it.
    if (!expected && error instanceof Error && error.stack) io.err(error.stack);
    io.err(`agents-crm ${name}: ${describe(error)}`);
    return EXIT.failed;
  }
}
