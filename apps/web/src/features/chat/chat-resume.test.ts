import { describe, expect, it, vi } from "vitest";
import { readNewest, type ResumeParts } from "./chat-resume";
import type { ChatHistoryPage, ChatSession } from "./chat-types";

const stored: ChatSession = { conversationId: "conv_1", token: "token-1" };
const trpcError = (code: string) => Object.assign(new Error(code), { data: { code } });

const page = {
  items: [
    { messageId: "m2", content: "Second" },
    { messageId: "m1", content: "First" },
  ],
  status: "AI_ACTIVE",
  nextCursor: "older-1",
  eventCursor: "event-9",
} as unknown as ChatHistoryPage;

function parts(current: ChatSession | null, saved: ChatSession | null = stored) {
  let followed = current;
  return {
    current: vi.fn(() => followed),
    stored: vi.fn(() => saved),
    resumeAt: vi.fn(),
    adopt: vi.fn((session: ChatSession) => {
      followed = session;
    }),
    ended: vi.fn(),
    startAfresh: () => {
      followed = null;
    },
  } satisfies ResumeParts & { startAfresh: () => void };
}

describe("reading the newest history page", () => {
  it("resumes the conversation this browser stored, from the page's event cursor", async () => {
    const p = parts(null);
    const newest = vi.fn(async () => page);
    const action = await readNewest(newest, p);
    expect(newest).toHaveBeenCalledWith(stored);
    expect(p.adopt).toHaveBeenCalledWith(stored, "event-9");
    expect(action).toEqual({
      type: "history",
      messages: [page.items[1], page.items[0]],
      status: "AI_ACTIVE",
      olderCursor: "older-1",
    });
  });

  it("reads the followed conversation again (a resync) and listens on from the new cursor", async () => {
    const followed = { conversationId: "conv_2", token: "token-2" };
    const p = parts(followed);
    const newest = vi.fn(async () => page);
    await readNewest(newest, p);
    expect(newest).toHaveBeenCalledWith(followed);
    expect(p.resumeAt).toHaveBeenCalledWith("event-9");
    expect(p.adopt).not.toHaveBeenCalled();
  });

  it("reads nothing when no conversation is stored or followed", async () => {
    const newest = vi.fn(async () => page);
    expect(await readNewest(newest, parts(null, null))).toBeNull();
    expect(newest).not.toHaveBeenCalled();
  });

  it("ends a conversation the server no longer knows, and fails on anything else", async () => {
    const p = parts(null);
    expect(await readNewest(async () => Promise.reject(trpcError("NOT_FOUND")), p)).toEqual({
      type: "reset",
    });
    expect(p.ended).toHaveBeenCalledOnce();
    const q = parts(null);
    const offline = new TypeError("Failed to fetch");
    await expect(readNewest(async () => Promise.reject(offline), q)).rejects.toBe(offline);
    expect(q.ended).not.toHaveBeenCalled();
  });

  it("drops a page that arrives after the visitor started afresh", async () => {
    const followed = { conversationId: "conv_2", token: "token-2" };
    const p = parts(followed);
    const action = await readNewest(async () => {
      p.startAfresh();
      return page;
    }, p);
    expect(action).toBeNull();
    expect(p.resumeAt).not.toHaveBeenCalled();
  });
});
