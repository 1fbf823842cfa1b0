import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, string>;
};

/**
 * The contracts both apps import: the console bundles them for the browser, so nothing they reach may
 * import Node built-ins or read the environment.
 */
const CONTRACTS = [
  "./agent-config",
  "./attachments",
  "./audit-actions",
  "./canned-responses",
  "./channel-settings",
  "./channels",
  "./contacts",
  "./conversations",
  "./copilot",
  "./event-ids",
  "./handoff-cause-words",
  "./handoff-summary",
  "./knowledge-gaps",
  "./knowledge-library",
  "./knowledge-upload",
  "./login-codes",
  "./message-metadata",
  "./messages",
  "./notes",
  "./notifications",
  "./outbound-media",
  "./pipeline",
  "./playground",
  "./request-limits",
  "./staff",
  "./stats",
  "./triage",
  "./twilio",
  "./web-chat",
  "./webhook-secrets",
  "./well-formed-text",
];

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+["']([^"']+)["']/gm;

/** Every file `entry` reaches through value imports (type-only imports leave no code behind). */
function reached(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const [, typeOnly, target] of readFileSync(entry, "utf8").matchAll(IMPORT)) {
    if (typeOnly || !target?.startsWith(".")) continue;
    reached(resolve(dirname(entry), `${target}.ts`), seen);
  }
  return seen;
}

describe("shared contracts", () => {
  it.each(CONTRACTS)("%s is browser-safe: no Node built-ins, no environment", (subpath) => {
    const entry = pkg.exports[subpath];
    expect(entry, `${subpath} is exported`).toBeDefined();
    for (const file of reached(join(root, entry ?? ""))) {
      const text = readFileSync(file, "utf8");
      const values = [...text.matchAll(IMPORT)].filter(([, typeOnly]) => !typeOnly);
      const packages = values.map(([, , target]) => target ?? "").filter((t) => !t.startsWith("."));
      expect(
        packages.filter((t) => t !== "zod" && t !== "yaml"),
        file,
      ).toEqual([]);
      expect(text, file).not.toMatch(/process\.env/);
    }
  });
});
