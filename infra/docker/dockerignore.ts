import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Docker's .dockerignore rules: patterns are relative to the context root (`foo` is only the top-level
 * foo), `**` spans directories while `*` and `?` stay inside one path segment, an excluded directory
 * excludes everything below it, and `!pattern` re-includes; the last matching pattern decides.
 */
interface Pattern {
  regex: RegExp;
  exclude: boolean;
}

function compile(pattern: string): RegExp {
  const clean = pattern.replace(/^\.?\//, "").replace(/\/+$/, "");
  let source = "";
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i] ?? "";
    if (clean.startsWith("**/", i)) {
      source += "(?:.*/)?";
      i += 2;
    } else if (clean.startsWith("**", i)) {
      source += ".*";
      i += 1;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

export function parseDockerignore(text: string): Pattern[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) =>
      line.startsWith("!")
        ? { regex: compile(line.slice(1).trim()), exclude: false }
        : { regex: compile(line), exclude: true },
    );
}

/** Whether `path` (relative, `/`-separated) is left out of the build context. */
export function isIgnored(patterns: readonly Pattern[], path: string): boolean {
  const segments = path.split("/");
  // A path is excluded when it, or any directory above it, matches.
  const candidates = segments.map((_, i) => segments.slice(0, i + 1).join("/"));
  let ignored = false;
  for (const pattern of patterns) {
    if (candidates.some((candidate) => pattern.regex.test(candidate))) ignored = pattern.exclude;
  }
  return ignored;
}

/** Copies `from` into `to` as Docker would send it as the build context. Returns the files copied. */
export function copyBuildContext(from: string, to: string): number {
  let text = "";
  try {
    text = readFileSync(join(from, ".dockerignore"), "utf8");
  } catch {
    text = "";
  }
  const patterns = parseDockerignore(text);
  const reincludes = patterns.some((p) => !p.exclude);
  let files = 0;
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(from, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const ignored = isIgnored(patterns, path);
      if (entry.isDirectory()) {
        // Without `!` patterns nothing below an ignored directory can come back.
        if (ignored && !reincludes) continue;
        walk(path);
      } else if (!ignored) {
        mkdirSync(join(to, relative), { recursive: true });
        cpSync(join(from, path), join(to, path), { verbatimSymlinks: true });
        files++;
      }
    }
  };
  mkdirSync(to, { recursive: true });
  walk("");
  return files;
}
