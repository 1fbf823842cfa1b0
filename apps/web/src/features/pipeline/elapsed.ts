export interface ElapsedUnits {
  justNow: string;
  s: string;
  min: string;
  h: string;
  d: string;
}

/** "just now", "45 s", "12 min", "3 h 05 min", "2 d 4 h" in the units of the page's language. */
export function formatElapsed(sinceIso: string, nowMs: number, units: ElapsedUnits): string {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return "";
  const seconds = Math.max(0, Math.floor((nowMs - since) / 1000));
  if (seconds < 10) return units.justNow;
  if (seconds < 60) return `${seconds} ${units.s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} ${units.min}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return `${hours} ${units.h} ${String(minutes % 60).padStart(2, "0")} ${units.min}`;
  return `${Math.floor(hours / 24)} ${units.d} ${hours % 24} ${units.h}`;
}
