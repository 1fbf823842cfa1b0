import { describe, expect, it } from "vitest";
import { formatAgo, formatWaiting, waitingLevel, waitingSince } from "./waiting-since";
import { MESSAGES } from "~/i18n/messages";
import { minutesAfter, row } from "~/testing/conversation-fixtures";

const en = MESSAGES.conversations.en.duration;
const ru = MESSAGES.conversations.ru.duration;

const since = "2026-01-01T12:00:00.000Z";
const at = (minutes: number) => Date.parse(minutesAfter(since, minutes));

describe("waiting since", () => {
  it("formats short waits for a table cell", () => {
    expect(formatWaiting(since, at(0), en)).toBe("just now");
    expect(formatWaiting(since, at(0.75), en)).toBe("45 s");
    expect(formatWaiting(since, at(12), en)).toBe("12 min");
    expect(formatWaiting(since, at(185), en)).toBe("3 h 05 min");
    expect(formatWaiting(since, at(60 * 52), en)).toBe("2 d 4 h");
  });

  it("speaks Russian with the right plural forms", () => {
    expect(formatWaiting(since, at(1), ru)).toBe("1 минуту");
    expect(formatWaiting(since, at(3), ru)).toBe("3 минуты");
    expect(formatWaiting(since, at(5), ru)).toBe("5 минут");
    expect(formatWaiting(since, at(21), ru)).toBe("21 минуту");
    expect(formatWaiting(since, at(0.5), ru)).toBe("30 секунд");
    expect(formatWaiting(since, at(185), ru)).toBe("3 ч 05 мин");
    expect(formatAgo(since, at(12), MESSAGES.conversations.ru.duration)).toBe("12 минут назад");
    expect(MESSAGES.conversations.ru.row.waiting(formatWaiting(since, at(2), ru))).toBe(
      "Ждёт 2 минуты",
    );
  });

  it("never shows a negative wait when the browser clock is behind", () => {
    expect(formatWaiting(since, at(-3), en)).toBe("just now");
  });

  it("is empty for an unreadable time", () => {
    expect(formatWaiting("not a date", at(1), en)).toBe("");
  });

  it("grows more urgent with time", () => {
    expect(waitingLevel(since, at(2))).toBe("fresh");
    expect(waitingLevel(since, at(6))).toBe("waiting");
    expect(waitingLevel(since, at(20))).toBe("overdue");
  });

  it("applies only to conversations waiting for a human, from when they started waiting", () => {
    expect(waitingSince(row({ status: "AI_ACTIVE" }))).toBeNull();
    expect(
      waitingSince(
        row({ status: "NEEDS_HUMAN", needsHumanSince: since, updatedAt: minutesAfter(since, 5) }),
      ),
    ).toBe(since);
    expect(waitingSince(row({ status: "NEEDS_HUMAN", updatedAt: since }))).toBe(since);
  });

  it("says how long ago for the activity column", () => {
    expect(formatAgo(since, at(0), en)).toBe("just now");
    expect(formatAgo(since, at(12), en)).toBe("12 min ago");
  });
});
