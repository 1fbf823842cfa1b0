#!/usr/bin/env node
// The web image's entry point, next to server.mjs in the standalone tree. Next's own standalone
// server.js hands the build's resolved configuration to Next through this variable; without it
// next() looks for next.config.ts, which is not in the image (and needs the build toolchain to load).
import { readFileSync } from "node:fs";

const required = JSON.parse(
  readFileSync(new URL("./.next/required-server-files.json", import.meta.url), "utf8"),
);
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(required.config);
await import("./server.mjs");
