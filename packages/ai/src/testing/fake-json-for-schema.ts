import { isRecord } from "./fake-http";

/**
 * A JSON value valid for `schema` (the subset structured outputs use: objects, arrays, enums,
 * const, anyOf, $ref to $defs). Free strings get `text`, so a default answer still reads sensibly.
 */
export function jsonForSchema(
  schema: unknown,
  text: string,
  root: unknown = schema,
  depth = 0,
): unknown {
  if (!isRecord(schema) || depth > 20) return null;
  if (typeof schema.$ref === "string")
    return jsonForSchema(resolveRef(root, schema.$ref), text, root, depth + 1);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const variants = asArray(schema.anyOf ?? schema.oneOf);
  if (variants.length > 0) {
    const preferred = variants.find((v) => !(isRecord(v) && v.type === "null")) ?? variants[0];
    return jsonForSchema(preferred, text, root, depth + 1);
  }
  const type = Array.isArray(schema.type)
    ? asArray(schema.type).find((t) => t !== "null")
    : schema.type;
  switch (type) {
    case "object": {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      return Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [
          key,
          jsonForSchema(value, text, root, depth + 1),
        ]),
      );
    }
    case "array": {
      const count = typeof schema.minItems === "number" ? schema.minItems : 0;
      return Array.from({ length: count }, () =>
        jsonForSchema(schema.items, text, root, depth + 1),
      );
    }
    case "string":
      return text;
    case "number":
    case "integer":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return null;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), root);
}

/** Finds a JSON Schema written into the system messages (how clients ask servers without json_schema). */
export function schemaFromInstructions(messages: { role: string; content: string }[]): unknown {
  for (const message of messages) {
    if (message.role !== "system") continue;
    for (const line of message.content.split("\n")) {
      const trimmed = line.trim();
      if (!trimmed.startsWith("{")) continue;
      try {
        const parsed = JSON.parse(trimmed) as unknown;
        if (isRecord(parsed) && ("properties" in parsed || "type" in parsed)) return parsed;
      } catch {
        continue;
      }
    }
  }
  return null;
}
