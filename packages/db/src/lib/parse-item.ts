import type { z } from "zod";
import { fromItemKeys } from "./case";

/** An item that no longer matches its schema is a bug or corruption: fail loudly, naming it. */
export class CorruptItemError extends Error {
  constructor(resource: string, id: string, issues: string) {
    super(`stored ${resource} ${id} does not match its schema: ${issues}`);
    this.name = "CorruptItemError";
  }
}

export function parseItem<S extends z.ZodType>(
  schema: S,
  item: Record<string, unknown>,
  resource: string,
  id: string,
): z.infer<S> {
  const result = schema.safeParse(fromItemKeys(item));
  if (result.success) return result.data;
  throw new CorruptItemError(
    resource,
    id,
    result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
  );
}
