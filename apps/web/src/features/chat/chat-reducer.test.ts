import { describe, expect, it } from "vitest";
import {
  awaitingReply,
  chatMode,
  chatReducer,
  initialChatState,
  isSending,
  type ChatAction,
  type ChatState,
} from "./chat-reducer";
import type { ChatEvent, ChatMessage } from "./chat-types";

const at = "2026-03-10T10:00:00.000Z";
const msg = (
  messageId: string,
  role: ChatMessage["role"],
  content: string,
  turnId?: string,
): ChatMessage => ({
  messageId,
  role,
  content,
  timestamp: at,
  ...(turnId ? { turnId } : {}),
});
const delta = (turnId: string, text: string): ChatEvent => ({
  type: "reply.delta",
  payload: { turnId, text },
  at,
});
const stored = (message: ChatMessage): ChatEvent => ({ type: "message", payload: { message }, at });

const run = (actions: ChatAction[], from: ChatState = initialChatState) =>
  actions.reduce(chatReducer, from);
const shown = (state: ChatState) =>
  state.items.map((item) => {
    switch (item.kind) {
      case "message":
        return `${item.message.role}:${item.message.content}${item.streamed ? " (streamed)" : ""}`;
      case "outgoing":
        return `${item.state}:${item.content}`;
      case "provisional":
        return `typing:${item.text}`;
    }
  });

describe("chatReducer: streamed replies", () => {
  it("appends deltas to one provisional bubble, then the stored message takes its place", () => {
    const state = run([
      { type: "event", id: "E1", event: delta("t1", "We are open ") },
      { type: "event", id: "E1", event: delta("t1", "Monday to Friday") },
    ]);
    expect(shown(state)).toEqual(["typing:We are open Monday to Friday"]);
    const done = run(
      [
        {
          type: "event",
          id: "E2",
          event: stored(msg("m2", "agent", "We are open Mon-Fri.", "t1")),
        },
      ],
      state,
    );
    expect(shown(done)).toEqual(["agent:We are open Mon-Fri. (streamed)"]);
  });

  it("ignores deltas of a turn that is already stored (late or repeated)", () => {
    const state = run([
      { type: "event", id: "E2", event: stored(msg("m2", "agent", "Hello", "t1")) },
      { type: "event", id: "E2", event: delta("t1", "Hel") },
    ]);
    expect(shown(state)).toEqual(["agent:Hello"]);
  });

  it("removes a discarded provisional reply and drops its stragglers", () => {
    const state = run([
      { type: "event", id: "E1", event: delta("t1", "Let me") },
      {
        type: "event",
        id: "E1",
        event: { type: "reply.discarded", payload: { turnId: "t1" }, at },
      },
      { type: "event", id: "E1", event: delta("t1", " check") },
    ]);
    expect(state.items).toEqual([]);
  });

  it("keeps two turns apart", () => {
    const state = run([
      { type: "event", id: "E1", event: delta("t1", "A") },
      { type: "event", id: "E1", event: delta("t2", "B") },
      { type: "event", id: "E1", event: delta("t1", "a") },
    ]);
    expect(shown(state)).toEqual(["typing:Aa", "typing:B"]);
  });
});

describe("chatReducer: de-duplication and order", () => {
  it("applies a replayed durable event once (same id)", () => {
    const admin = stored(msg("m3", "admin", "Hi, this is Anna"));
    const state = run([
      { type: "event", id: "E3", event: admin },
      { type: "event", id: "E3", event: admin },
    ]);
    expect(shown(state)).toEqual(["admin:Hi, this is Anna"]);
  });

  it("shows a message once when it comes both from the history and the stream", () => {
    const m1 = msg("m1", "agent", "Welcome");
    const state = run([
      { type: "history", messages: [m1], status: "AI_ACTIVE", olderCursor: null },
      { type: "event", id: "E9", event: stored(m1) },
    ]);
    expect(shown(state)).toEqual(["agent:Welcome"]);
  });

  it("keeps arrival order: an admin reply during a send lands after the message being sent", () => {
    const state = run([
      { type: "send", clientId: "out:1", content: "Hello?" },
      { type: "event", id: "E4", event: stored(msg("m5", "admin", "Hello, how can I help?")) },
      {
        type: "sent",
        clientId: "out:1",
        result: { userMessage: msg("m4", "user", "Hello?"), reply: null, status: "HUMAN_ACTIVE" },
      },
    ]);
    expect(shown(state)).toEqual(["user:Hello?", "admin:Hello, how can I help?"]);
  });

  it("an older history page goes above, without repeating what is shown", () => {
    const state = run([
      {
        type: "history",
        messages: [msg("m3", "user", "three"), msg("m4", "agent", "four")],
        status: "AI_ACTIVE",
        olderCursor: "c1",
      },
      {
        type: "older",
        messages: [msg("m1", "user", "one"), msg("m2", "agent", "two"), msg("m3", "user", "three")],
        olderCursor: null,
      },
    ]);
    expect(shown(state)).toEqual(["user:one", "agent:two", "user:three", "agent:four"]);
    expect(state.olderCursor).toBeNull();
  });

  it("a resync reloads the history and keeps what is still on its way", () => {
    const state = run([{ type: "event", id: "E1", event: { type: "resync", payload: {}, at } }]);
    expect(state.resyncRequested).toBe(true);
    const reloaded = run(
      [
        { type: "send", clientId: "out:2", content: "still sending" },
        {
          type: "history",
          messages: [msg("m1", "agent", "fresh")],
          status: "AI_ACTIVE",
          olderCursor: null,
        },
      ],
      state,
    );
    expect(shown(reloaded)).toEqual(["agent:fresh", "sending:still sending"]);
    expect(reloaded.resyncRequested).toBe(false);
  });
});

describe("chatReducer: sending", () => {
  it("shows the message at once, then the stored one in its place, and the reply after it", () => {
    const sending = run([{ type: "send", clientId: "out:1", content: "Opening hours?" }]);
    expect(shown(sending)).toEqual(["sending:Opening hours?"]);
    expect(isSending(sending)).toBe(true);
    const sent = run(
      [
        {
          type: "sent",
          clientId: "out:1",
          result: {
            userMessage: msg("m1", "user", "Opening hours?"),
            reply: msg("m2", "agent", "9 to 8", "t1"),
            status: "AI_ACTIVE",
          },
        },
      ],
      sending,
    );
    expect(shown(sent)).toEqual(["user:Opening hours?", "agent:9 to 8"]);
    expect(isSending(sent)).toBe(false);
    expect(sent.status).toBe("AI_ACTIVE");
  });

  it("does not repeat a reply that already arrived as an event", () => {
    const reply = msg("m2", "agent", "9 to 8", "t1");
    const state = run([
      { type: "send", clientId: "out:1", content: "Opening hours?" },
      { type: "event", id: "E1", event: delta("t1", "9 to") },
      { type: "event", id: "E2", event: stored(reply) },
      {
        type: "sent",
        clientId: "out:1",
        result: { userMessage: msg("m1", "user", "Opening hours?"), reply, status: "AI_ACTIVE" },
      },
    ]);
    expect(shown(state)).toEqual(["user:Opening hours?", "agent:9 to 8 (streamed)"]);
  });

  it("keeps a failed message with its error; a retry moves it to the end as sending", () => {
    const failed = run([
      { type: "send", clientId: "out:1", content: "Are you open?" },
      { type: "sendFailed", clientId: "out:1", error: "offline" },
      { type: "event", id: "E1", event: stored(msg("m9", "admin", "We are here")) },
    ]);
    expect(shown(failed)).toEqual(["failed:Are you open?", "admin:We are here"]);
    const retried = run([{ type: "send", clientId: "out:1", content: "Are you open?" }], failed);
    expect(shown(retried)).toEqual(["admin:We are here", "sending:Are you open?"]);
    expect(shown(run([{ type: "withdraw", clientId: "out:1" }], failed))).toEqual([
      "admin:We are here",
    ]);
  });

  it("a send's status does not override a status event that arrived while it was on its way", () => {
    const state = run([
      { type: "history", messages: [], status: "NEEDS_HUMAN", olderCursor: null },
      { type: "send", clientId: "out:1", content: "Anyone?" },
      {
        type: "event",
        id: "E5",
        event: { type: "status", payload: { status: "AI_ACTIVE", notice: "returned_to_ai" }, at },
      },
      {
        type: "sent",
        clientId: "out:1",
        result: { userMessage: msg("m1", "user", "Anyone?"), reply: null, status: "NEEDS_HUMAN" },
      },
    ]);
    expect(state.status).toBe("AI_ACTIVE");
    expect(state.notice).toBe("returned_to_ai");
  });

  it("an escalating reply switches the chat to 'a human answers'", () => {
    const state = run([
      { type: "send", clientId: "out:1", content: "Call me at +971 50 123 4567" },
      {
        type: "sent",
        clientId: "out:1",
        result: {
          userMessage: msg("m1", "user", "Call me at +971 50 123 4567"),
          reply: msg("m2", "agent", "Thank you! I've passed your contact to our administrator"),
          status: "NEEDS_HUMAN",
        },
      },
    ]);
    expect(chatMode(state.status)).toBe("human");
  });
});

describe("chatReducer: status", () => {
  it("follows status events; a repeated one is applied once", () => {
    const escalated: ChatEvent = {
      type: "status",
      payload: { status: "NEEDS_HUMAN", notice: "escalated" },
      at,
    };
    const state = run([
      { type: "event", id: "E1", event: escalated },
      { type: "event", id: "E1", event: escalated },
    ]);
    expect(state.status).toBe("NEEDS_HUMAN");
    expect(state.statusVersion).toBe(1);
    const closed = run(
      [
        {
          type: "event",
          id: "E2",
          event: { type: "status", payload: { status: "CLOSED", notice: "closed" }, at },
        },
      ],
      state,
    );
    expect(chatMode(closed.status)).toBe("closed");
  });

  it("maps statuses to what the visitor is told", () => {
    expect(chatMode(null)).toBe("ai");
    expect(chatMode("AI_ACTIVE")).toBe("ai");
    expect(chatMode("NEEDS_HUMAN")).toBe("human");
    expect(chatMode("HUMAN_ACTIVE")).toBe("human");
    expect(chatMode("CLOSED")).toBe("closed");
  });

  it("reset forgets everything (a new conversation)", () => {
    const state = run([
      { type: "history", messages: [msg("m1", "user", "hi")], status: "CLOSED", olderCursor: null },
      { type: "reset" },
    ]);
    expect(state).toEqual(initialChatState);
  });
});

describe("awaitingReply", () => {
  it("is true from the send until the first streamed words, and only when the AI answers", () => {
    const sending = run([{ type: "send", clientId: "out:1", content: "Hi" }]);
    expect(awaitingReply(sending)).toBe(true);
    expect(
      awaitingReply(run([{ type: "event", id: "E1", event: delta("t1", "He") }], sending)),
    ).toBe(false);
    const human = run([
      { type: "history", messages: [], status: "HUMAN_ACTIVE", olderCursor: null },
      { type: "send", clientId: "out:1", content: "Hi" },
    ]);
    expect(awaitingReply(human)).toBe(false);
  });
});
