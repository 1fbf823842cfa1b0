import type { Message } from "@agents-crm/db";
import { describe, expect, it } from "vitest";
import { unansweredFrom } from "../src/domain/turns/unanswered";

const message = (
  messageId: string,
  role: Message["role"],
  metadata: Record<string, unknown> = {},
): Message => ({
  messageId,
  conversationId: "c1",
  agentId: "a1",
  role,
  content: messageId,
  channel: "web_chat",
  kind: "text",
  timestamp: "2026-03-01T10:00:00.000Z",
  metadata,
});

const ids = (messages: Message[]) => messages.map((m) => m.messageId);

describe("which customer messages a recovered turn answers", () => {
  it("answers the message and the unanswered ones after it, as one burst", () => {
    const recent = [
      message("01", "user"),
      message("02", "agent", { answers: ["01"] }),
      message("03", "user"),
      message("04", "user"),
      message("05", "user"),
    ];
    expect(ids(unansweredFrom(recent, recent[3] as Message))).toEqual(["04", "05"]);
  });

  it("finds a message answered when a reply names it or a later message", () => {
    const recent = [
      message("01", "user"),
      message("02", "user"),
      message("03", "agent", { answers: ["02"] }),
      message("04", "user"),
    ];
    expect(unansweredFrom(recent, recent[0] as Message)).toEqual([]);
    expect(unansweredFrom(recent, recent[1] as Message)).toEqual([]);
    expect(ids(unansweredFrom(recent, recent[3] as Message))).toEqual(["04"]);
  });

  it("finds a message answered when staff wrote after it, or a reply naming nothing followed it", () => {
    const staff = [message("01", "user"), message("02", "admin"), message("03", "user")];
    expect(unansweredFrom(staff, staff[0] as Message)).toEqual([]);
    expect(ids(unansweredFrom(staff, staff[2] as Message))).toEqual(["03"]);
    const notice = [message("01", "user"), message("02", "agent"), message("03", "system")];
    expect(unansweredFrom(notice, notice[0] as Message)).toEqual([]);
  });

  it("does not count a reply that answered only earlier messages, stored after this one", () => {
    // The visitor wrote 02 while the turn over 01 was writing its reply (03).
    const recent = [
      message("01", "user"),
      message("02", "user"),
      message("03", "agent", { answers: ["01"] }),
    ];
    expect(ids(unansweredFrom(recent, recent[1] as Message))).toEqual(["02"]);
  });
});
