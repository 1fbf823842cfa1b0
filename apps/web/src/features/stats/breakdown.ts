export interface BreakdownItem {
  key: string;
  label: string;
  value: number;
}

/**
 * Counts by key as bars: the keys of `order` first in that order (stages in board order, even at 0),
 * then any other key with a count, largest first (a stage removed since, a new escalation type).
 */
export function breakdown(
  counts: Record<string, number>,
  order: readonly string[],
  label: (key: string) => string,
): BreakdownItem[] {
  const known = new Set(order);
  const first = order.map((key) => ({ key, label: label(key), value: counts[key] ?? 0 }));
  const rest = Object.entries(counts)
    .filter(([key, value]) => !known.has(key) && value > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, value]) => ({ key, label: label(key), value }));
  return [...first, ...rest];
}
