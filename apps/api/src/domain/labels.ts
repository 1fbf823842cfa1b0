import { MAX_LABELS_PER_ITEM, labelSchema } from "@agents-crm/config/contacts";
import { invalidInput } from "./errors";

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
