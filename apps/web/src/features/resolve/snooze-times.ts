export type SnoozeChoice = "oneHour" | "threeHours" | "tomorrow" | "nextWeek";
export const SNOOZE_CHOICES: readonly SnoozeChoice[] = [
  "oneHour",
  "threeHours",
  "tomorrow",
  "nextWeek",
];

/** When a snooze chosen at `now` ends, in the browser's own time (9:00 is the receptionist's morning). */
export function snoozeEnd(choice: SnoozeChoice, now: Date): Date {
  const at = new Date(now);
  switch (choice) {
    case "oneHour":
      return new Date(now.getTime() + 3600_000);
    case "threeHours":
      return new Date(now.getTime() + 3 * 3600_000);
    case "tomorrow":
      at.setDate(at.getDate() + 1);
      at.setHours(9, 0, 0, 0);
      return at;
    case "nextWeek":
      // The coming Monday (a week on from a Monday).
      at.setDate(at.getDate() + ((8 - at.getDay()) % 7 || 7));
      at.setHours(9, 0, 0, 0);
      return at;
  }
}
