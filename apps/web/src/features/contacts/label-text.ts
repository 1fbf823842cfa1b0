import { labelSchema } from "@agents-crm/config/contacts";

/** A label as stored: trimmed, inner spaces collapsed, lower-case. */
export function normalizeLabel(raw: string): string {
  return raw.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The shared `labelSchema` decides, so the editor refuses exactly what the API would. */
export const isValidLabel = (label: string): boolean => labelSchema.safeParse(label).success;

export type AddLabelResult =
  { ok: true; labels: string[] } | { ok: false; reason: "invalid" | "tooMany" | "empty" };

/** The labels after typing `raw` into the editor: a duplicate changes nothing. */
export function addLabel(labels: readonly string[], raw: string, max: number): AddLabelResult {
  const label = normalizeLabel(raw);
  if (!label) return { ok: false, reason: "empty" };
  if (!isValidLabel(label)) return { ok: false, reason: "invalid" };
  if (labels.includes(label)) return { ok: true, labels: [...labels] };
  if (labels.length >= max) return { ok: false, reason: "tooMany" };
  return { ok: true, labels: [...labels, label] };
}

export const removeLabel = (labels: readonly string[], label: string) =>
  labels.filter((l) => l !== label);
