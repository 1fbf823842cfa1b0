import { describe, expect, it } from "vitest";
import { parseMessageMetadata } from "../src/message-metadata";

describe("parseMessageMetadata", () => {
  it("reads what the API writes", () => {
    const written = {
      turnId: "t1",
      answers: ["01A"],
      sources: [{ sourceId: "prices", chunkIndex: 0, title: "Prices", score: 0.8 }],
      usage: { costUsd: 0.001, latencyMs: 850, llmLatencyMs: 700, totalTokens: 42 },
      escalation: { type: "booking", reason: "wants a visit", confidence: 1, source: "model" },
      offline: false,
      contacts: { phoneNumbers: ["+15551234567"], emails: [] },
    };
    expect(parseMessageMetadata(written)).toEqual(written);
  });

  it("reads a field (or a part of one) that does not match as absent, and never throws", () => {
    expect(
      parseMessageMetadata({
        sources: "x",
        usage: { costUsd: "free", totalTokens: 3 },
        escalation: null,
        sender: { name: "  ", username: "ivan" },
        contacts: { phoneNumbers: 5 },
        unknownKey: 1,
      }),
    ).toEqual({
      usage: { totalTokens: 3 },
      escalation: null,
      sender: { username: "ivan" },
      contacts: { phoneNumbers: [], emails: [] },
    });
    expect(parseMessageMetadata("{}")).toEqual({});
    expect(parseMessageMetadata(null)).toEqual({});
  });
});
