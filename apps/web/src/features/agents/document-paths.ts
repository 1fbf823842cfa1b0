/** An agent document as the editor holds it: the JSON the API stores, unknown keys included. */
export type AgentDocument = Record<string, unknown>;

/** Where a value sits in the document: `["prompts", "examples", 2, "user_message"]`. */
export type DocPath = readonly (string | number)[];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function getAt(root: unknown, path: DocPath): unknown {
  let current = root;
  for (const key of path) {
    if (typeof key === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isPlainObject(current)) return undefined;
      current = current[key];
    }
  }
  return current;
}

/**
 * A copy of `root` with `value` at `path`; containers on the way are copied (never mutated) and created
 * when missing. `undefined` removes an object key, so the schema's default applies again.
 */
export function setAt<T>(root: T, path: DocPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof key === "number") {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[key] = setAt(list[key], rest, value);
    return list as T;
  }
  const object: Record<string, unknown> = isPlainObject(root) ? { ...root } : {};
  const next = setAt(object[key], rest, value);
  if (next === undefined) delete object[key];
  else object[key] = next;
  return object as T;
}

/** `prompts.examples[2].user_message`: the same spelling the API and the schema use for issues. */
export function pathKey(path: DocPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out === "" ? "(root)" : out;
}

export function startsWithPath(path: DocPath, prefix: DocPath): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => path[index] === key);
}

/** The text a form field shows for a value: strings and numbers as written, anything else empty. */
export function textAt(root: unknown, path: DocPath): string {
  const value = getAt(root, path);
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}
