#!/usr/bin/env node
// Assembles the web image's payload in <out> after `npm run build --workspace @agents-crm/web`: Next's
// standalone tree (traced server files and node_modules), then what it leaves out — static assets,
// public files, our server (with its entry point, API address, own health and the health check) and
// the one plain-JS file of @agents-crm/config the server imports (Next compiles that package into its
// pages, so does not trace it). The web image and the one-service image both run it.
// Usage: node infra/docker/assemble-web.mjs <out>
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const out = resolve(process.argv[2] ?? "dist");
const web = join(root, "apps/web");
const served = join(out, "apps/web");

cpSync(join(web, ".next/standalone"), out, { recursive: true, verbatimSymlinks: true });
cpSync(join(web, ".next/static"), join(served, ".next/static"), { recursive: true });
cpSync(join(web, "public"), join(served, "public"), { recursive: true });
for (const file of ["server.mjs", "request-timeouts.mjs", "api-address.mjs", "own-health.mjs"])
  cpSync(join(web, file), join(served, file));
for (const file of ["web-entry.mjs", "healthcheck.mjs"])
  cpSync(join(root, "infra/docker", file), join(served, file));
const config = join(out, "node_modules/@agents-crm/config");
mkdirSync(join(config, "src"), { recursive: true });
cpSync(join(root, "packages/config/package.json"), join(config, "package.json"));
cpSync(
  join(root, "packages/config/src/request-timeouts.mjs"),
  join(config, "src/request-timeouts.mjs"),
);
console.log(`assembled the web app's standalone server in ${served}`);
