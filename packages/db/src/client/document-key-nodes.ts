// The document client's own (un)marshalling walk, from @aws-sdk/lib-dynamodb (Apache-2.0), which does not
// export it: each command names the members that hold plain values (`inputKeyNodes`, `outputKeyNodes`).
// An empty object means "every value under here", an empty array "every member", `*` "each entry".

/** A command's map of the members that hold items, keys or attribute values. */
export type KeyNodes = Record<string, unknown> | unknown[] | null;

type Convert = (value: unknown) => unknown;

const NEXT_LEVEL = "*";

function processObj(obj: unknown, convert: Convert, keyNodes: KeyNodes): unknown {
  if (obj === undefined) return undefined;
  if (keyNodes == null) return convert(obj);
  const keys = Object.keys(keyNodes);
  if (keys.length === 1 && keys[0] === NEXT_LEVEL) {
    const next = (keyNodes as Record<string, KeyNodes>)[NEXT_LEVEL] ?? null;
    const acc: Record<string, unknown> | unknown[] = Array.isArray(obj) ? [] : {};
    for (const [key, value] of Object.entries(obj ?? {})) {
      if (typeof value !== "function") {
        (acc as Record<string, unknown>)[key] = processObj(value, convert, next);
      }
    }
    return acc;
  }
  if (keys.length === 0) return processAllKeys(obj, convert);
  return processKeys(obj as Record<string, unknown>, convert, keyNodes);
}

function processAllKeys(obj: unknown, convert: Convert): unknown {
  if (Array.isArray(obj)) {
    return obj
      .filter((item) => typeof item !== "function")
      .map((item) => processObj(item, convert, null));
  }
  const acc: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    if (typeof value === "function") continue;
    const processed = processObj(value, convert, null);
    if (processed !== undefined && typeof processed !== "function") acc[key] = processed;
  }
  return acc;
}

/** Copies `obj`, converting the members `keyNodes` names. */
export function processKeys(
  obj: Record<string, unknown>,
  convert: Convert,
  keyNodes: KeyNodes,
): Record<string, unknown> {
  const acc: Record<string, unknown> | unknown[] = Array.isArray(obj)
    ? obj.filter((item) => typeof item !== "function")
    : Object.fromEntries(Object.entries(obj).filter(([, v]) => typeof v !== "function"));
  for (const [nodeKey, nodes] of Object.entries(keyNodes ?? {})) {
    if (typeof obj[nodeKey] === "function") continue;
    const processed = processObj(obj[nodeKey], convert, nodes as KeyNodes);
    if (processed !== undefined && typeof processed !== "function") {
      (acc as Record<string, unknown>)[nodeKey] = processed;
    }
  }
  return acc as Record<string, unknown>;
}
