/** A file name that is safe on every system: the stem's odd characters become "-". */
export function fileNameFor(stem: string, extension: string, date = new Date()): string {
  const safe = stem.replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "") || "contact";
  return `${safe}-${date.toISOString().slice(0, 10)}.${extension}`;
}
