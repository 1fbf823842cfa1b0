import { mkdir, mkdtemp, rmdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { StartupError } from "./startup-error";

const WRITABLE_REMEDY = "Make it a writable directory for the API's user, or set DATA_DIR to one.";

/** DATA_DIR cannot be used: one line naming it, why, and what to do. */
export class DataDirError extends StartupError {
  override name = "DataDirError";
  constructor(dataDir: string, reason: string, remedy = WRITABLE_REMEDY) {
    super(`Cannot use DATA_DIR ${dataDir}: ${reason}. ${remedy}`);
  }
}

const REASONS: Record<string, string> = {
  EROFS: "it is on a read-only file system",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is a file, not a directory",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
};

const codeOf = (error: unknown) =>
  error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;

/** Creates and removes a directory in `dir`: the error code tells why we cannot write there. */
async function probe(dir: string): Promise<void> {
  await rmdir(await mkdtemp(join(dir, ".write-probe-")));
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function nearestExisting(dir: string): Promise<string> {
  let current = dir;
  while (!(await exists(current)) && dirname(current) !== current) current = dirname(current);
  return current;
}

/**
 * Makes sure DATA_DIR exists and takes writes before anything is stored there, so a read-only or
 * foreign directory is one clear line instead of a stack from deep inside LevelDB or a key file.
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await probe(dataDir);
  } catch (error) {
    let code = codeOf(error);
    // Node's recursive mkdir reports ENOENT when an ancestor refuses writes: ask the ancestor why.
    if (code === "ENOENT") {
      code = codeOf(await probe(await nearestExisting(dataDir)).catch((e: unknown) => e));
    }
    throw new DataDirError(
      dataDir,
      REASONS[code ?? ""] ?? (error instanceof Error ? error.message : String(error)),
    );
  }
}

/** LevelDB refusing to open the embedded database under DATA_DIR, as one line; null for other errors. */
export function databaseOpenError(error: unknown, dataDir: string): DataDirError | null {
  if (codeOf(error) !== "LEVEL_DATABASE_NOT_OPEN") return null;
  const cause = error instanceof Error ? error.cause : undefined;
  if (codeOf(cause) === "LEVEL_LOCKED") {
    return new DataDirError(
      dataDir,
      "another running API holds its database",
      "Stop that one, or give each API its own DATA_DIR.",
    );
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (/read-only file system/i.test(detail)) return new DataDirError(dataDir, REASONS.EROFS ?? "");
  if (/permission denied/i.test(detail)) return new DataDirError(dataDir, REASONS.EACCES ?? "");
  return new DataDirError(dataDir, `its database cannot be opened (${detail})`);
}
