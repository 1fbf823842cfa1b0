import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "../src/schemas/message";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";

const clock = manualClock();
let t: TestDb;
const conversationId = "conv-notes";
let notes: Message[] = [];

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, queryPageSize: 3 });
  const append = (role: "user" | "agent" | "note", content: string) =>
    t.repos.messages.append({
      conversationId,
      agentId: "agent-1",
      role,
      content,
      channel: "web_chat",
      ...(role === "note" ? { authorId: "u-anna", metadata: { authorName: "Anna" } } : {}),
    });
  // Notes in runs longer than a DynamoDB page: the customer-facing reads must still fill their limit.
  for (let i = 0; i < 6; i++) {
    await append("user", `question ${i}`);
    for (let n = 0; n < 4; n++) notes.push(await append("note", `note ${i}.${n}`));
    await append("agent", `answer ${i}`);
  }
  notes = notes.slice();
});
afterAll(() => t.close());

describe("staff notes in the messages table", () => {
  it("are left out of lastN and of pages unless asked for, and the limits still fill", async () => {
    const last = await t.repos.messages.lastN(conversationId, 4);
    expect(last.map((m) => m.content)).toEqual([
      "question 4",
      "answer 4",
      "question 5",
      "answer 5",
    ]);

    const page = await t.repos.messages.page(conversationId, { limit: 5 });
    expect(page.items.map((m) => m.role)).toEqual(["user", "agent", "user", "agent", "user"]);
    const rest = await t.repos.messages.page(conversationId, {
      limit: 50,
      cursor: page.nextCursor,
    });
    expect(rest.items.every((m) => m.role !== "note")).toBe(true);
    expect(rest.items).toHaveLength(7);

    const all = await t.repos.messages.page(conversationId, { limit: 100, includeNotes: true });
    expect(all.items.filter((m) => m.role === "note")).toHaveLength(24);
    // A cursor of one list is not accepted by the other.
    await expect(
      t.repos.messages.page(conversationId, { cursor: page.nextCursor, includeNotes: true }),
    ).rejects.toThrow();
  });

  it("updateNote rewrites only the author's own note", async () => {
    const [note] = notes;
    if (!note) throw new Error("no note");
    const change = { content: "changed", metadata: { authorName: "Anna", editedAt: "2026-01-01" } };
    expect(
      await t.repos.messages.updateNote(conversationId, note.messageId, "u-boris", change),
    ).toBeNull();
    const customer = (await t.repos.messages.lastN(conversationId, 1))[0];
    expect(
      await t.repos.messages.updateNote(
        conversationId,
        customer?.messageId ?? "",
        "u-anna",
        change,
      ),
    ).toBeNull();
    const updated = await t.repos.messages.updateNote(
      conversationId,
      note.messageId,
      "u-anna",
      change,
    );
    expect(updated).toMatchObject({
      content: "changed",
      role: "note",
      metadata: { editedAt: "2026-01-01" },
    });
    expect(await t.repos.messages.get(conversationId, note.messageId)).toEqual(updated);
  });
});
