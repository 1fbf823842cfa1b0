#!/usr/bin/env node
// Builds the API image's payload in <out>: apps/api/src/main.ts bundled by esbuild into one ESM file
// (workspace TypeScript compiled, npm dependencies inlined), the packages that cannot be bundled copied
// with their dependency closure into <out>/node_modules, and the health-check script.
// Usage: node infra/docker/bundle-api.mjs <out>
import { build } from "esbuild";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const out = resolve(process.argv[2] ?? "out");

// dynalite (the embedded engine) requires its actions by computed paths and reaches classic-level's
// native addon through node-gyp-build, so it stays a package. ws tries the optional native
// bufferutil / utf-8-validate and falls back to JavaScript when they are absent, as they are here.
const UNBUNDLED = ["dynalite"];
const OPTIONAL_ABSENT = ["bufferutil", "utf-8-validate"];

const result = await build({
  entryPoints: [join(root, "apps/api/src/main.ts")],
  outfile: join(out, "main.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: `node${process.versions.node.split(".")[0]}`,
  keepNames: true,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  external: [...UNBUNDLED, ...OPTIONAL_ABSENT],
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM has no require of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

/** Node's lookup: <dir>/node_modules/<name>, then each parent directory's. */
function packageDir(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

const copied = new Map();
function copyWithDependencies(name, from, optional = false) {
  const dir = packageDir(name, from);
  if (!dir) {
    if (optional) return;
    throw new Error(`${name} is not installed (needed at run time by the API bundle)`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const seen = copied.get(name);
  if (seen !== undefined) {
    // One flat node_modules: two versions of one package would need nesting, which nothing needs yet.
    if (seen !== manifest.version)
      throw new Error(`${name}: both ${seen} and ${manifest.version} are needed`);
    return;
  }
  copied.set(name, manifest.version);
  cpSync(dir, join(out, "node_modules", name), { recursive: true, dereference: true });
  for (const dependency of Object.keys(manifest.dependencies ?? {}))
    copyWithDependencies(dependency, dir);
  for (const dependency of Object.keys(manifest.optionalDependencies ?? {}))
    copyWithDependencies(dependency, dir, true);
}

for (const name of UNBUNDLED) copyWithDependencies(name, root);
cpSync(join(root, "infra/docker/healthcheck.mjs"), join(out, "healthcheck.mjs"));

const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].bytes;
console.log(
  `bundled apps/api/src/main.ts into ${out}/main.mjs (${(bytes / 1e6).toFixed(1)} MB); ` +
    `unbundled: ${[...copied.keys()].join(", ")}`,
);
