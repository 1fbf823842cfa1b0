/** The reference's moderation categories; provider sub-categories ("harassment/threatening") fold into them. */
export const REFERENCE_CATEGORIES = [
  "hate",
  "harassment",
  "sexual",
  "self-harm",
  "violence",
] as const;

export function normaliseCategory(name: string): string {
  return REFERENCE_CATEGORIES.find((c) => name === c || name.startsWith(`${c}/`)) ?? name;
}

/** The highest-scoring flagged category (normalised), or null when nothing is flagged. */
export function topFlaggedCategory(
  categories: Record<string, boolean>,
  scores: Record<string, number>,
): string | null {
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const [name, flagged] of Object.entries(categories)) {
    const score = scores[name] ?? 0;
    if (flagged && score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best === null ? null : normaliseCategory(best);
}
