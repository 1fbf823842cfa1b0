import { lstatSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** What images:check inspects in a final stage's file tree: its size and anything secret-shaped. */
export interface TreeSummary {
  files: number;
  bytes: number;
  /** Paths (relative to the image root) that must never be in an image. */
  forbidden: string[];
}

const FORBIDDEN = [
  /(^|\/)\.env(\..*)?$/,
  /\.pem$/,
  /\.key$/,
  /(^|\/)\.git(\/|$)/,
  /(^|\/)initial-admin\.json$/,
  /(^|\/)\.npmrc$/,
];

/** Files under a DATA_DIR would be state from the build machine: the data directory must be empty. */
const DATA_DIR = /(^|\/)\.data\/./;

export function summarizeTree(root: string, skip: readonly string[] = []): TreeSummary {
  const summary: TreeSummary = { files: 0, bytes: 0, forbidden: [] };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path);
      if (skip.includes(rel)) continue;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      summary.files++;
      summary.bytes += lstatSync(path).size;
      // Packages ship their own test fixtures (e.g. keys); only our files are held to the rule.
      if (rel.split("/").includes("node_modules")) continue;
      if (FORBIDDEN.some((p) => p.test(rel)) || DATA_DIR.test(rel)) summary.forbidden.push(rel);
    }
  };
  walk(root);
  return summary;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
