import { chmod, lstat, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { failedStart, startApiProcess } from "./helpers/api-process";
import { mountSmallDisk, type SmallDisk } from "./helpers/small-disk";

const disks: SmallDisk[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const disk of disks) await disk.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function smallDisk() {
  const disk = await mountSmallDisk(16);
  disks.push(disk);
  return disk;
}

/** A start on the read-only disk fails with one line naming the directory, and no stack. */
async function expectReadOnlyRefusal(disk: SmallDisk) {
  const { code, stderr } = await failedStart({
    env: { DATA_DIR: disk.dir },
    command: disk.command,
  });
  expect(code).toBe(1);
  expect(stderr).toBe(
    `Cannot use DATA_DIR ${disk.dir}: it is on a read-only file system. ` +
      "Make it a writable directory for the API's user, or set DATA_DIR to one.",
  );
}

describe("a DATA_DIR the API cannot write", () => {
  it("read-only at the first start: one line naming the directory, no stack", async () => {
    const disk = await smallDisk();
    await disk.remount("ro");
    await expectReadOnlyRefusal(disk);
  }, 60_000);

  it("an installation whose disk became read-only: the same line, not LevelDB's stack", async () => {
    const disk = await smallDisk();
    const first = await startApiProcess({ env: { DATA_DIR: disk.dir }, command: disk.command });
    expect(await first.stop()).toBe(0);
    await disk.remount("ro");
    await expectReadOnlyRefusal(disk);
  }, 90_000);

  it("without write permission: one line naming the directory, no stack", async () => {
    const parent = await mkdtemp(join(tmpdir(), "agents-crm-unwritable-"));
    dirs.push(parent);
    const dataDir = join(parent, "data");
    await mkdir(dataDir);
    await chmod(parent, 0o755);
    await chmod(dataDir, 0o555);
    // Root writes anywhere through CAP_DAC_OVERRIDE: as root the API runs without it (the repository
    // stays readable wherever it is checked out, unlike with another uid).
    const asRoot = process.getuid?.() === 0;
    const { code, stderr } = await failedStart({
      env: { DATA_DIR: dataDir },
      ...(asRoot
        ? {
            command: (argv) => ({
              file: "setpriv",
              args: ["--bounding-set=-dac_override,-dac_read_search", "--", ...argv],
            }),
          }
        : {}),
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `Cannot use DATA_DIR ${dataDir}: permission denied. ` +
        "Make it a writable directory for the API's user, or set DATA_DIR to one.",
    );
  }, 60_000);

  it("used by another running API: one line saying so", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "agents-crm-locked-"));
    dirs.push(dataDir);
    const first = await startApiProcess({ env: { DATA_DIR: dataDir } });
    try {
      const { code, stderr } = await failedStart({ env: { DATA_DIR: dataDir } });
      expect(code).toBe(1);
      expect(stderr).toBe(
        `Cannot use DATA_DIR ${dataDir}: another running API holds its database. ` +
          "Stop that one, or give each API its own DATA_DIR.",
      );
    } finally {
      expect(await first.stop()).toBe(0);
    }
  }, 60_000);
});

/** Every entry under `dir` (itself included) with its permission bits, e.g. "dynamodb/LOCK 600". */
async function modes(dir: string): Promise<string[]> {
  const entries = [`. ${((await lstat(dir)).mode & 0o777).toString(8)}`];
  for (const name of await readdir(dir, { recursive: true })) {
    entries.push(`${name} ${((await lstat(join(dir, name))).mode & 0o777).toString(8)}`);
  }
  return entries.sort();
}

const privateOnly = (entries: string[]) =>
  entries.filter((e) => !e.endsWith(" 700") && !e.endsWith(" 600"));

describe("files under DATA_DIR", () => {
  it("are the API user's alone: directories 0700, files 0600, and an older install is tightened", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "agents-crm-modes-"));
    dirs.push(dataDir);
    const first = await startApiProcess({ env: { DATA_DIR: dataDir } });
    expect(await first.stop()).toBe(0);
    const created = await modes(dataDir);
    expect(created).toEqual(
      expect.arrayContaining(["dynamodb 700", "dynamodb/CURRENT 600", "secret.key 600"]),
    );
    expect(privateOnly(created)).toEqual([]);

    // What an install from before this fix looks like: world-readable.
    for (const entry of created) {
      const [name = "", mode = ""] = entry.split(" ");
      await chmod(join(dataDir, name), mode === "700" ? 0o755 : 0o644);
    }
    const second = await startApiProcess({ env: { DATA_DIR: dataDir } });
    try {
      expect(privateOnly(await modes(dataDir))).toEqual([]);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(privateOnly(await modes(dataDir))).toEqual([]);
  }, 90_000);
});
