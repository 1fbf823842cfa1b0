import { describe, expect, it } from "vitest";
import {
  chatSessionKey,
  forgetChatSession,
  memoryStorage,
  readChatSession,
  writeChatSession,
  type KeyValueStorage,
} from "./chat-session-storage";

const session = { conversationId: "01JCONVERSATION", token: "t".repeat(43) };

/** A browser that refuses storage (Safari private mode, blocked third-party storage). */
const refusing: KeyValueStorage = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  },
};

describe("chat session storage", () => {
  it("keeps one conversation per agent", () => {
    const storage = memoryStorage();
    expect(writeChatSession(storage, "demo_clinic", session)).toBe(true);
    expect(readChatSession(storage, "demo_clinic")).toEqual(session);
    expect(readChatSession(storage, "other_agent")).toBeNull();
  });

  it("stores only the conversation id and its token", () => {
    const storage = memoryStorage();
    writeChatSession(storage, "a", { ...session, extra: "x" } as typeof session);
    expect(JSON.parse(storage.getItem(chatSessionKey("a")) ?? "")).toEqual(session);
  });

  it("treats anything malformed as no conversation", () => {
    const storage = memoryStorage();
    for (const raw of ["not json", "null", "{}", '{"conversationId":"x","token":"short"}']) {
      storage.setItem(chatSessionKey("a"), raw);
      expect(readChatSession(storage, "a")).toBeNull();
    }
  });

  it("forgets the conversation", () => {
    const storage = memoryStorage();
    writeChatSession(storage, "a", session);
    forgetChatSession(storage, "a");
    expect(readChatSession(storage, "a")).toBeNull();
  });

  it("survives a browser that refuses storage", () => {
    expect(readChatSession(refusing, "a")).toBeNull();
    expect(writeChatSession(refusing, "a", session)).toBe(false);
    expect(() => forgetChatSession(refusing, "a")).not.toThrow();
  });
});
