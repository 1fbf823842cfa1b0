import { parseArgs, type ParseArgsConfig } from "node:util";

/** What a command writes: results to `out` (stdout, for pipes), progress and problems to `err` (stderr). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  /** The full `--help` text: usage line, options, an example. */
  help: string;
  run(args: string[], io: CliIo): Promise<void>;
}

/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util's parser with our errors: unknown options and missing values are usage errors. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`unexpected argument ${parsed.positionals[positionals]}`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function required(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === "") throw new UsageError(`${name} is required`);
  return value.trim();
}

/** An operation that failed for a reason the message says in full (exit code 1, no stack). */
export class CommandFailed extends Error {
  override name = "CommandFailed";
}
