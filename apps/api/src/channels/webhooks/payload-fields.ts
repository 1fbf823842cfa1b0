import { z } from "zod";

/** Platform ids arrive as strings (Meta) or numbers (Telegram chat and user ids); we keep strings. */
export const idField = z
  .union([z.string().min(1), z.number().int()])
  .transform((value) => String(value));

/** Epoch numbers, also accepted as numeric strings (WhatsApp sends seconds as a string). */
export const epochField = z
  .union([z.number().nonnegative(), z.string().regex(/^\d{1,15}$/)])
  .transform((value) => Math.trunc(Number(value)));

/** An array whose malformed items are dropped (and counted) instead of failing the whole payload. */
export function parseEach<T>(
  items: unknown,
  schema: z.ZodType<T>,
  skipped: string[],
  reason: string,
): T[] {
  if (!Array.isArray(items)) return [];
  const out: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else skipped.push(reason);
  }
  return out;
}
