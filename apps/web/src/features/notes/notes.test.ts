import { describe, expect, it } from "vitest";
import type { AdminEvent, TranscriptMessage } from "~/features/console/types";
import { matchingStaff } from "./mention-picker";
import { mentionedInNote } from "./mentioned-in-note";

const staff = [
  { userId: "a", name: "Anna Smirnova" },
  { userId: "b", name: "Boris" },
  { userId: "c", name: "Ivan Annenkov" },
];

describe("matchingStaff", () => {
  it("puts names starting with the query first, then word starts, then anywhere", () => {
    expect(matchingStaff(staff, "ann").map((s) => s.userId)).toEqual(["a", "c"]);
    expect(matchingStaff(staff, "").map((s) => s.userId)).toEqual(["a", "b", "c"]);
    expect(matchingStaff(staff, "smir").map((s) => s.userId)).toEqual(["a"]);
    expect(matchingStaff(staff, "zzz")).toEqual([]);
  });
});

const note = (fields: Partial<TranscriptMessage>): AdminEvent =>
  ({
    type: "message.created",
    payload: {
      conversation: {},
      message: {
        messageId: "m1",
        conversationId: "c 1",
        role: "note",
        content: "Please call her",
        authorId: "a",
        metadata: { authorName: "Anna", mentions: ["b"] },
        ...fields,
      },
    },
  }) as unknown as AdminEvent;

describe("mentionedInNote", () => {
  it("alerts the mentioned colleague with the author, the text and a link", () => {
    expect(mentionedInNote(note({}), "b")).toEqual({
      conversationId: "c 1",
      author: "Anna",
      text: "Please call her",
      url: "/admin/conversations/c%201",
    });
  });

  it("alerts a colleague an edit mentions for the first time, not those mentioned before", () => {
    const edit = (mentioned: string[]) =>
      ({
        ...note({}),
        type: "message.updated",
        payload: { ...(note({}) as { payload: object }).payload, mentioned },
      }) as unknown as AdminEvent;
    expect(mentionedInNote(edit(["b"]), "b")?.author).toBe("Anna");
    expect(mentionedInNote(edit([]), "b")).toBeNull();
  });

  it("stays quiet for others, the author, replies and long texts are cut", () => {
    expect(mentionedInNote(note({}), "c")).toBeNull();
    expect(mentionedInNote(note({ authorId: "b" }), "b")).toBeNull();
    expect(mentionedInNote(note({ role: "admin" }), "b")).toBeNull();
    expect(mentionedInNote(note({ content: "x".repeat(500) }), "b")?.text).toHaveLength(161);
  });
});
