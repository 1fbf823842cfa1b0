/** Axis ticks from 0 to a round number at or above `max`: steps of 1, 2 or 5 × 10ⁿ (whole for counts). */
export function niceTicks(max: number, count = 4, integers = false): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const steps = [1, 2, 5, 10].map((m) => m * power).filter((s) => !integers || s >= 1);
  const step = steps.find((s) => s >= rough) ?? Math.max(1, 10 * power);
  const ticks: number[] = [];
  const top = Math.ceil(max / step - 1e-9) * step;
  // Rounding keeps 0.1 + 0.2 from printing as 0.30000000000000004.
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Maps [0, domainMax] onto [rangeStart, rangeEnd] (an SVG y axis runs downwards: pass bottom, top). */
export function linearScale(domainMax: number, rangeStart: number, rangeEnd: number) {
  const span = domainMax > 0 ? domainMax : 1;
  return (value: number) =>
    rangeStart + (Math.min(Math.max(value, 0), span) / span) * (rangeEnd - rangeStart);
}

/** Which of `count` labels to print so at most `max` show, always the first and the last. */
export function labelEvery(count: number, max: number): (index: number) => boolean {
  if (count <= max) return () => true;
  const every = Math.ceil((count - 1) / Math.max(1, max - 1));
  return (index) => index === count - 1 || (index % every === 0 && count - 1 - index >= every / 2);
}
