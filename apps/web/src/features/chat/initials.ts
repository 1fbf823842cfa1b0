const TITLES = /^(dr|mr|mrs|ms|prof)\.?$/i;

/** Up to two initials of a display name ("Dr. Elena Markova" → "EM"), for an avatar. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => word !== "" && !TITLES.test(word));
  const first = Array.from(words[0] ?? "")[0] ?? "";
  const last = words.length > 1 ? (Array.from(words[words.length - 1] ?? "")[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}
