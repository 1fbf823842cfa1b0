import { z } from "zod";
import { invalidInput } from "./errors";

// Placeholder until s7-contacts-core's `@agents-crm/config/contacts` lands; replaced by its labelSchema.
const MAX_LABELS_PER_ITEM = 20;
const labelSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(32)
  .regex(/^[\p{L}\p{N} _-]+$/u);

/**
 * Labels as stored: each through the shared label rules (trimmed, lower-case, its charset), duplicates
 * dropped, the first spelling's order kept; too many is an input error naming `path`.
 */
export function normaliseLabels(labels: readonly string[], path: string): string[] {
  const out: string[] = [];
  labels.forEach((raw, index) => {
    const parsed = labelSchema.safeParse(raw);
    if (!parsed.success) {
      throw invalidInput([path, index], parsed.error.issues[0]?.message ?? "not a label");
    }
    if (!out.includes(parsed.data)) out.push(parsed.data);
  });
  if (out.length > MAX_LABELS_PER_ITEM) {
    throw invalidInput(path, `at most ${MAX_LABELS_PER_ITEM} labels`);
  }
  return out;
}
