import { describe, expect, it } from "vitest";
import type { AdminEvent } from "~/features/console/types";
import { row } from "~/testing/conversation-fixtures";
import { movesUnread, unreadInput } from "./use-unread-counts";

describe("unread counts of a view", () => {
  it("ask for the view's assignee with its other filters, and nothing it does not set", () => {
    expect(unreadInput({ assignee: "me" })).toEqual({ assignee: "me" });
    expect(unreadInput({ assignee: "unassigned", agentId: "dr_a", channel: undefined })).toEqual({
      assignee: "unassigned",
      agentId: "dr_a",
    });
    // All: the same cached read as the status counters' (no filters).
    expect(unreadInput({ assignee: undefined })).toEqual(unreadInput({}));
  });

  it("are read again when an assignment, a customer message or a read changes them", () => {
    const conversation = row({ assigneeId: "u-olga" });
    const updated = { type: "conversation.updated", payload: { conversation } } as AdminEvent;
    expect(movesUnread(updated)).toBe(true);
    const customer = {
      type: "message.created",
      payload: { conversation, message: { role: "user" } },
    } as unknown as AdminEvent;
    expect(movesUnread(customer)).toBe(true);
    const note = {
      type: "message.created",
      payload: { conversation, message: { role: "note" } },
    } as unknown as AdminEvent;
    expect(movesUnread(note)).toBe(false);
    const read = {
      type: "conversation.read",
      payload: { conversationId: conversation.conversationId, userId: "u-olga", readAt: "" },
    } as AdminEvent;
    expect(movesUnread(read)).toBe(true);
  });
});
