import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * A program the test suites start for real. `npm test` on a fresh machine installs what is missing, as
 * Playwright's `install --with-deps` does: with apt-get when running as root; otherwise it stops with
 * one line giving the exact command — a missing program is never a skipped test.
 */
export interface Prerequisite {
  /** The program's name, as the user knows it. */
  name: string;
  aptPackage: string;
  brewCommand: string;
  /** Where it must be, when the suite does not look it up on PATH (an env var may say where). */
  fixedPath?: (env: NodeJS.ProcessEnv) => { path: string; fromEnv: string | null };
}

export const REDIS_SERVER: Prerequisite = {
  name: "redis-server",
  aptPackage: "redis-server",
  brewCommand: "brew install redis",
};

/** The browser journeys drive Debian's Chromium (apps/web/e2e/helpers/browser.ts), or CHROMIUM_PATH. */
export const CHROMIUM: Prerequisite = {
  name: "chromium",
  aptPackage: "chromium",
  brewCommand: "brew install --cask chromium, then set CHROMIUM_PATH",
  fixedPath: (env) =>
    env.CHROMIUM_PATH
      ? { path: env.CHROMIUM_PATH, fromEnv: "CHROMIUM_PATH" }
      : { path: "/usr/bin/chromium", fromEnv: null },
};

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return null;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = spawn(command, args, {
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => resolve({ code: -1, stderr: error.message }));
    child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
  });
}

/** One line: the reason the suites cannot run, ending in what to do. */
export class MissingPrerequisiteError extends Error {
  override name = "MissingPrerequisiteError";
}

const lastLine = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter((l) => l.trim())
    .at(-1) ?? "";

export async function ensurePrerequisite(
  tool: Prerequisite,
  {
    env = process.env,
    asRoot = process.getuid?.() === 0,
    log = (line: string) => console.log(line),
  }: { env?: NodeJS.ProcessEnv; asRoot?: boolean; log?: (line: string) => void } = {},
): Promise<void> {
  const fixed = tool.fixedPath?.(env);
  const present = () =>
    fixed ? isExecutableFile(fixed.path) : findOnPath(tool.name, env) !== null;
  if (present()) return;
  const missing = `Missing ${tool.name}:`;
  if (fixed?.fromEnv) {
    throw new MissingPrerequisiteError(
      `${missing} ${fixed.fromEnv} is ${fixed.path}, which is not an executable file`,
    );
  }
  const install = `apt-get install -y ${tool.aptPackage}`;
  const aptGet = findOnPath("apt-get", env);
  if (!aptGet) {
    throw new MissingPrerequisiteError(
      `${missing} install it with your package manager (Debian/Ubuntu: "sudo ${install}"; macOS: "${tool.brewCommand}")`,
    );
  }
  if (!asRoot) throw new MissingPrerequisiteError(`${missing} run "sudo ${install}"`);
  log(`${tool.name} is missing: running "${install}"`);
  // A fresh machine may have no package lists yet; a failed update still leaves the install to try.
  await run(aptGet, ["update", "-qq"], env);
  const result = await run(aptGet, ["install", "-y", "-qq", tool.aptPackage], env);
  if (result.code === 0 && !present()) {
    throw new MissingPrerequisiteError(
      `${missing} "${install}" succeeded, but ${fixed?.path ?? `${tool.name} is not on PATH`}${fixed ? " is still missing" : ""}`,
    );
  }
  if (result.code !== 0) {
    const why = lastLine(result.stderr);
    throw new MissingPrerequisiteError(
      `${missing} "${install}" failed (exit ${result.code}${why ? `: ${why}` : ""}); run it yourself to see why`,
    );
  }
}
