/** Which way a number should move: more conversations is good, more escalations or cost is not. */
export type Better = "up" | "down" | "neutral";

export interface Delta {
  diff: number;
  /** Change relative to the previous period; null when there was nothing before (no percentage of 0). */
  percent: number | null;
  direction: "up" | "down" | "flat";
  tone: "good" | "bad" | "neutral";
}

/** The change from the previous period to this one, and whether it is good news. */
export function delta(current: number, previous: number, better: Better = "neutral"): Delta {
  const diff = Math.round((current - previous) * 1e6) / 1e6;
  const direction = diff > 0 ? "up" : diff < 0 ? "down" : "flat";
  const percent = previous === 0 ? null : (diff / Math.abs(previous)) * 100;
  const tone =
    direction === "flat" || better === "neutral"
      ? "neutral"
      : direction === better
        ? "good"
        : "bad";
  return { diff, percent, direction, tone };
}

/** Share of `part` in `whole` (0–1), null when there is no whole to share. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
