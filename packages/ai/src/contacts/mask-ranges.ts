export interface TextRange {
  start: number;
  end: number;
}

/** Blanks ranges out with spaces, keeping every other offset in place. */
export function maskRanges(text: string, ranges: readonly TextRange[]): string {
  let out = text;
  for (const { start, end } of ranges) {
    out = out.slice(0, start) + " ".repeat(end - start) + out.slice(end);
  }
  return out;
}
