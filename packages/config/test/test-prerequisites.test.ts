import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CHROMIUM, ensurePrerequisite, REDIS_SERVER } from "../src/testing/prerequisites";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An empty directory to be the whole PATH: nothing on it but what a test puts there. */
function bin(): string {
  const dir = mkdtempSync(join(tmpdir(), "prereq-bin-"));
  dirs.push(dir);
  return dir;
}

function script(dir: string, name: string, body: string) {
  writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, name), 0o755);
}

/**
 * A stand-in for apt-get that records each call's arguments (and DEBIAN_FRONTEND); on `install` it puts
 * a `redis-server` on PATH, as the real package would, unless told to fail.
 */
function fakeAptGet(dir: string, { fail = false } = {}) {
  script(
    dir,
    "apt-get",
    [
      `echo "$DEBIAN_FRONTEND $*" >> "${dir}/apt-calls"`,
      fail
        ? 'if [ "$1" = install ]; then echo "E: Unable to locate package" >&2; exit 100; fi'
        : "",
      `if [ "$1" = install ]; then printf '#!/bin/sh\\n' > "${dir}/redis-server"; /bin/chmod +x "${dir}/redis-server"; fi`,
    ].join("\n"),
  );
  return () => readFileSync(join(dir, "apt-calls"), "utf8").trim().split("\n");
}

describe("test prerequisites (redis-server, chromium)", () => {
  it("does nothing when the tool is on PATH", async () => {
    const dir = bin();
    script(dir, "redis-server", "exit 0");
    const calls = fakeAptGet(dir);
    await ensurePrerequisite(REDIS_SERVER, { env: { PATH: dir }, asRoot: true, log: () => {} });
    expect(() => calls()).toThrow(/ENOENT/);
  });

  it("as root with apt-get: updates the package lists, installs it non-interactively, and says so", async () => {
    const dir = bin();
    const calls = fakeAptGet(dir);
    const lines: string[] = [];
    await ensurePrerequisite(REDIS_SERVER, {
      env: { PATH: dir },
      asRoot: true,
      log: (line) => lines.push(line),
    });
    expect(calls()).toEqual([
      "noninteractive update -qq",
      "noninteractive install -y -qq redis-server",
    ]);
    expect(lines).toEqual(['redis-server is missing: running "apt-get install -y redis-server"']);
  });

  it("as root, a failed install is one line with the command to run", async () => {
    const dir = bin();
    fakeAptGet(dir, { fail: true });
    await expect(
      ensurePrerequisite(REDIS_SERVER, { env: { PATH: dir }, asRoot: true, log: () => {} }),
    ).rejects.toThrow(
      /^Missing redis-server: "apt-get install -y redis-server" failed \(exit 100: E: Unable to locate package\); run it yourself to see why$/,
    );
  });

  it("without root: one line with the exact command, and nothing run", async () => {
    const dir = bin();
    const calls = fakeAptGet(dir);
    const error = await ensurePrerequisite(REDIS_SERVER, {
      env: { PATH: dir },
      asRoot: false,
      log: () => {},
    }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toBe(
      'Missing redis-server: run "sudo apt-get install -y redis-server"',
    );
    expect(() => calls()).toThrow(/ENOENT/);
  });

  it("without apt-get: one line naming the package to install", async () => {
    await expect(
      ensurePrerequisite(REDIS_SERVER, { env: { PATH: bin() }, asRoot: true, log: () => {} }),
    ).rejects.toThrow(
      'Missing redis-server: install it with your package manager (Debian/Ubuntu: "sudo apt-get install -y redis-server"; macOS: "brew install redis")',
    );
  });

  it("chromium: CHROMIUM_PATH names the browser; a wrong one is reported, not installed over", async () => {
    const dir = bin();
    const calls = fakeAptGet(dir);
    script(dir, "my-chromium", "exit 0");
    await ensurePrerequisite(CHROMIUM, {
      env: { PATH: dir, CHROMIUM_PATH: join(dir, "my-chromium") },
      asRoot: true,
      log: () => {},
    });
    await expect(
      ensurePrerequisite(CHROMIUM, {
        env: { PATH: dir, CHROMIUM_PATH: join(dir, "nope") },
        asRoot: true,
        log: () => {},
      }),
    ).rejects.toThrow(
      `Missing chromium: CHROMIUM_PATH is ${join(dir, "nope")}, which is not an executable file`,
    );
    expect(() => calls()).toThrow(/ENOENT/);
  });
});

describe("npm test on a machine without redis-server", () => {
  it("stops before any test with the one line, through the root config's globalSetup", async () => {
    const dir = bin();
    symlinkSync(process.execPath, join(dir, "node"));
    const root = join(import.meta.dirname, "../../..");
    const child = spawn(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "--project", "config", "test/env.test.ts"],
      { cwd: root, env: { PATH: dir, HOME: process.env.HOME ?? "" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Missing redis-server: install it with your package manager (Debian/Ubuntu: "sudo apt-get install -y redis-server"; macOS: "brew install redis")',
    );
    expect(stdout).not.toMatch(/passed|skipped/);
  }, 60_000);
});
