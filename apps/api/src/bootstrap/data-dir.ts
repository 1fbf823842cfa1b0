import { chmod, lstat, mkdir, mkdtemp, readdir, rmdir, stat } from "node:fs/promises";
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

/** What the API keeps in DATA_DIR; nothing else there is touched (DATA_DIR may be a shared folder). */
const OWN_FILES = ["secret.key", "initial-admin.json"];
const OWN_DIRS = ["dynamodb"];

/**
 * False when `path` stays readable by others: another user owns it (chmod is refused), or it is a
 * shared sticky directory such as /tmp, which must never become private.
 */
async function makePrivate(path: string, mode: 0o700 | 0o600): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  if (!info || info.isSymbolicLink() || (info.mode & 0o777) === mode) return true;
  if (info.mode & 0o1000) return false;
  return chmod(path, mode).then(
    () => true,
    () => false,
  );
}

/**
 * Installs from before files were private have world-readable data (LevelDB wrote them under the
 * default umask): DATA_DIR and what the API keeps in it become the API user's alone. New files are
 * private through the umask main sets.
 */
async function tightenModes(dataDir: string): Promise<string[]> {
  const targets: [string, 0o700 | 0o600][] = [[dataDir, 0o700]];
  for (const name of OWN_FILES) targets.push([join(dataDir, name), 0o600]);
  for (const name of OWN_DIRS) {
    const dir = join(dataDir, name);
    targets.push([dir, 0o700]);
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.isFile()) targets.push([join(dir, entry.name), 0o600]);
    }
  }
  const loose: string[] = [];
  for (const [path, mode] of targets) if (!(await makePrivate(path, mode))) loose.push(path);
  return loose;
}

/**
 * Makes sure DATA_DIR exists, takes writes and is private before anything is stored there, so a
 * read-only or foreign directory is one clear line instead of a stack from deep inside LevelDB or a
 * key file. Returns what could not be made private (owned by another user): a warning, not a failure.
 */
export async function prepareDataDir(dataDir: string): Promise<{ loose: string[] }> {
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
  return { loose: await tightenModes(dataDir) };
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
