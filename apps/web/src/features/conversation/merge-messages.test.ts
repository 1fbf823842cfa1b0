import { describe, expect, it } from "vitest";
import { mergeMessages } from "./merge-messages";
import { MESSAGES } from "~/i18n/messages";
import { authorOf, formatCost, formatLatency, turnDetails } from "./turn-details";
import { message } from "~/testing/conversation-fixtures";

describe("mergeMessages", () => {
  it("keeps each message once, oldest first, across pages and live events", () => {
    const newestPage = [message({ messageId: "01B" }), message({ messageId: "01C" })];
    const olderPage = [message({ messageId: "01A" })];
    const live = [message({ messageId: "01C" }), message({ messageId: "01D" })];
    expect(mergeMessages(newestPage, olderPage, live).map((m) => m.messageId)).toEqual([
      "01A",
      "01B",
      "01C",
      "01D",
    ]);
  });

  it("lets a later copy (a delivery update) replace the earlier one", () => {
    const pending = message({ messageId: "01A", role: "admin", deliveryStatus: "pending" });
    const delivered = { ...pending, deliveryStatus: "delivered" as const };
    expect(mergeMessages([pending], [delivered])).toEqual([delivered]);
  });
});

describe("turnDetails", () => {
  it("reads sources, cost, latency and the escalation of an agent turn", () => {
    const details = turnDetails(
      message({
        messageId: "01A",
        role: "agent",
        metadata: {
          sources: [{ sourceId: "prices", chunkIndex: 0, title: "Prices", score: 0.82 }],
          usage: { costUsd: 0.0012, latencyMs: 850, llmLatencyMs: 700, totalTokens: 420 },
          escalation: { type: "booking", reason: "phone number shared", confidence: 1 },
          offline: true,
        },
      }),
    );
    expect(details).toEqual({
      sources: [{ sourceId: "prices", title: "Prices", score: 0.82 }],
      usage: { costUsd: 0.0012, latencyMs: 850, llmLatencyMs: 700, totalTokens: 420 },
      escalation: { type: "booking", reason: "phone number shared", cause: null },
      offline: true,
      fallback: false,
    });
  });

  it("tolerates missing or malformed metadata", () => {
    expect(turnDetails(message({ messageId: "01A", role: "agent", metadata: {} }))).toEqual({
      sources: [],
      usage: null,
      escalation: null,
      offline: false,
      fallback: false,
    });
    const odd = turnDetails(
      message({
        messageId: "01A",
        role: "agent",
        metadata: { sources: "x", usage: 5, escalation: null },
      }),
    );
    expect(odd?.sources).toEqual([]);
    expect(odd?.usage).toBeNull();
    expect(odd?.escalation).toBeNull();
  });

  it("is only for agent messages", () => {
    expect(turnDetails(message({ messageId: "01A", role: "user" }))).toBeNull();
  });

  it("formats cost and latency compactly", () => {
    const en = MESSAGES.conversations.en.turn;
    const ru = MESSAGES.conversations.ru.turn;
    expect(formatCost(0, "en")).toBe("$0");
    expect(formatCost(0.00123, "en")).toBe("$0.0012");
    expect(formatCost(0.42, "en")).toBe("$0.42");
    expect(formatCost(0.42, "ru")).toBe("0,42 $");
    expect(formatLatency(850.4, "en", en)).toBe("850 ms");
    expect(formatLatency(2340, "en", en)).toBe("2.3 s");
    expect(formatLatency(2340, "ru", ru)).toBe("2,3 с");
    expect(ru.tokens(21, "21")).toBe("21 токен");
    expect(ru.sources(3)).toBe("3 источника");
  });
});

describe("authorOf", () => {
  it("names the staff member who wrote an admin message", () => {
    expect(authorOf({ authorId: "u1", metadata: { authorName: "Dana" } }, "Staff")).toBe("Dana");
    expect(authorOf({ authorId: "u1", metadata: {} }, "Staff")).toBe("u1");
    expect(authorOf({ metadata: {} }, "Сотрудник")).toBe("Сотрудник");
  });
});
