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
  /** The pattern as written, without `!` and a leading `./` or `/`. */
  source: string;
}

const clean = (pattern: string) => pattern.replace(/^\.?\//, "").replace(/\/+$/, "");

function compile(pattern: string): RegExp {
  const text = clean(pattern);
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (text.startsWith("**/", i)) {
      source += "(?:.*/)?";
      i += 2;
    } else if (text.startsWith("**", i)) {
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
    .map((line) => {
      const exclude = !line.startsWith("!");
      const pattern = exclude ? line : line.slice(1).trim();
      return { regex: compile(pattern), exclude, source: clean(pattern) };
    });
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
  // Only a `!` pattern that can match below an ignored directory brings anything back from it (this
  // spares walking node_modules and .git).
  const reincludesBelow = (dir: string) =>
    patterns.some((p) => !p.exclude && (p.source.startsWith(`${dir}/`) || /[*?[]/.test(p.source)));
  let files = 0;
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(from, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const ignored = isIgnored(patterns, path);
      if (entry.isDirectory()) {
        if (ignored && !reincludesBelow(path)) continue;
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
