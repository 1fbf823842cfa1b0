import type { z } from "zod";

interface DefLike {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

function defOf(schema: z.ZodType): DefLike {
  return schema._zod.def;
}

/** Looks through defaults, optionals and pipes to the object or array a field holds. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const next = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!next) return current;
    current = next;
  }
}

/**
 * Reports keys of `value` that `schema` does not declare, walking nested objects and arrays of
 * objects. Records (user-named keys such as templates or triggers) are not walked.
 */
export function unknownKeys(value: unknown, schema: z.ZodType, path = ""): string[] {
  const def = defOf(unwrap(schema));
  if (def.type === "array" && def.element && Array.isArray(value)) {
    const element = def.element;
    return value.flatMap((item, index) => unknownKeys(item, element, `${path}[${index}]`));
  }
  if (def.type !== "object" || !def.shape || typeof value !== "object" || value === null) return [];
  const shape = def.shape;
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === "" ? key : `${path}.${key}`;
    const childSchema = shape[key];
    if (childSchema === undefined) out.push(childPath);
    else out.push(...unknownKeys(child, childSchema, childPath));
  }
  return out;
}
