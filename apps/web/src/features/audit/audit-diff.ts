import { record } from "./audit-target";

export interface FieldChange {
  /** "config.profile.specialty"; "" for a value that is not an object. */
  path: string;
  before: string | null;
  after: string | null;
}

const MAX_DEPTH = 4;
const MAX_VALUE = 300;

/** A leaf as one line of text (long values cut), null when absent. */
export function showValue(value: unknown): string | null {
  if (value === undefined) return null;
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE)}…` : shown;
}

function flatten(value: unknown, prefix: string, depth: number, out: Map<string, unknown>) {
  const obj = record(value);
  if (!obj || depth >= MAX_DEPTH || Object.keys(obj).length === 0) {
    out.set(prefix, value);
    return;
  }
  for (const [key, inner] of Object.entries(obj)) {
    flatten(inner, prefix ? `${prefix}.${key}` : key, depth + 1, out);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed between an entry's before and after values, field by field (nested objects by path,
 * arrays whole). Without a before value (a creation) every field is listed as new; without an after
 * value (a deletion) every field as removed.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (before === undefined && after === undefined) return [];
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  if (before !== undefined) flatten(before, "", 0, a);
  if (after !== undefined) flatten(after, "", 0, b);
  const changes: FieldChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path);
    const y = b.get(path);
    if (before !== undefined && after !== undefined && same(x, y)) continue;
    changes.push({ path, before: showValue(x), after: showValue(y) });
  }
  return changes;
}
