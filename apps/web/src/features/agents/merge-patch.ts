import { deepEqual } from "./deep-equal";
import { isPlainObject } from "./document-paths";

/**
 * The RFC 7396 merge patch that turns `base` into `target` (what `agents.update` applies over the stored
 * document): changed values, `null` for removed keys, nothing for unchanged ones. A merge patch cannot
 * write a `null` value, so a null in `target` removes the key instead — for the schema's nullable fields
 * (a schedule day) "absent" means the same thing.
 */
export function createMergePatch(
  base: Record<string, unknown>,
  target: Record<string, unknown>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(base)) {
    if (base[key] !== undefined && (target[key] === undefined || target[key] === null)) {
      patch[key] = null;
    }
  }
  for (const [key, value] of Object.entries(target)) {
    if (value === undefined || value === null) continue;
    const before = base[key];
    if (isPlainObject(before) && isPlainObject(value)) {
      const inner = createMergePatch(before, value);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (!deepEqual(before, value)) {
      patch[key] = value;
    }
  }
  return patch;
}
