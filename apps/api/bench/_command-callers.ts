// Where DynamoDB commands come from: the nearest frames of our own code (outside the database client)
// at the moment a command is sent. For deciding which commands a turn could do without.

const OWN_FRAME = /\((?:.*\/)?((?:apps|packages)\/[^/]+\/src\/(?!client\/)[^)]+)\)/;

/** "fn (packages/db/src/x.ts:12) < caller (…)" for the `depth` nearest frames of our code. */
export function callSite(depth = 4): string {
  const frames: string[] = [];
  for (const line of (new Error().stack ?? "").split("\n")) {
    const own = OWN_FRAME.exec(line);
    if (!own) continue;
    const name = line
      .trim()
      .replace(/^at (async )?/, "")
      .split(" ")[0]!;
    frames.push(`${name} (${own[1]!.replace(/:\d+$/, "")})`);
    if (frames.length === depth) break;
  }
  return frames.join(" < ") || "(no own frame)";
}

export function createCallerTally() {
  const counts = new Map<string, number>();
  return {
    count(command: string): void {
      const key = `${command} ← ${callSite()}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    /** The call sites, most frequent first, as commands per turn. */
    lines(turns: number, limit = 25): string[] {
      return [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([key, n]) => `    ${(n / turns).toFixed(2).padStart(5)}  ${key}`);
    },
  };
}
