import type { SendProblemReason } from "./send-errors";
import type {
  ChatEvent,
  ChatMessage,
  ConversationStatus,
  SendResult,
  StatusNotice,
} from "./chat-types";

/** What the transcript shows, in the order the visitor saw things happen. */
export type ChatItem =
  | { kind: "message"; key: string; message: ChatMessage; streamed: boolean }
  | {
      kind: "outgoing";
      key: string;
      content: string;
      /** Names of the files going with it (shown while they upload). */
      fileNames: string[];
      state: "sending" | "failed";
      error: SendProblemReason | null;
      /** `statusVersion` when it was sent: its answer's status is stale if a status event came since. */
      statusVersion: number;
    }
  | { kind: "provisional"; key: string; turnId: string; text: string };

export interface ChatState {
  items: ChatItem[];
  /** null until the conversation exists (it starts with the first message). */
  status: ConversationStatus | null;
  notice: StatusNotice | null;
  /** Counts status changes, so an older snapshot (a send's answer) never overrides a newer event. */
  statusVersion: number;
  /** Cursor of the next older history page, null when the beginning is shown. */
  olderCursor: string | null;
  /** Durable events already applied: a resume may replay some. */
  seenEventIds: string[];
  /** Turns whose stored message arrived or whose stream was discarded: late deltas are dropped. */
  settledTurns: string[];
  /** The server lost track of what this client missed: reload the history. */
  resyncRequested: boolean;
}

export type ChatAction =
  | { type: "reset" }
  /** The newest history page (oldest first); replaces the stored messages shown. */
  | {
      type: "history";
      messages: ChatMessage[];
      status: ConversationStatus;
      olderCursor: string | null;
    }
  /** An older page (oldest first), shown above. */
  | { type: "older"; messages: ChatMessage[]; olderCursor: string | null }
  | { type: "event"; id: string; event: ChatEvent }
  /** A message leaves (or leaves again, after a failure: it moves to the end). */
  | { type: "send"; clientId: string; content: string; fileNames?: string[] }
  | { type: "sent"; clientId: string; result: SendResult }
  | { type: "sendFailed"; clientId: string; error: SendProblemReason }
  /** A failed message taken back into the composer. */
  | { type: "withdraw"; clientId: string }
  /** Learned other than by an event (e.g. a send refused because the conversation is closed). */
  | { type: "status"; status: ConversationStatus };

export const initialChatState: ChatState = {
  items: [],
  status: null,
  notice: null,
  statusVersion: 0,
  olderCursor: null,
  seenEventIds: [],
  settledTurns: [],
  resyncRequested: false,
};

const REMEMBERED = 500;

function remember(list: string[], value: string): string[] {
  if (list.includes(value)) return list;
  const next = [...list, value];
  return next.length > REMEMBERED ? next.slice(next.length - REMEMBERED) : next;
}

const messageItem = (message: ChatMessage, streamed = false): ChatItem => ({
  kind: "message",
  key: message.messageId,
  message,
  streamed,
});

const hasMessage = (items: ChatItem[], messageId: string) =>
  items.some((item) => item.kind === "message" && item.message.messageId === messageId);

/** A stored message: once, taking the place of the provisional text of its turn. */
function addMessage(state: ChatState, message: ChatMessage): ChatState {
  const settledTurns = message.turnId
    ? remember(state.settledTurns, message.turnId)
    : state.settledTurns;
  if (hasMessage(state.items, message.messageId)) return { ...state, settledTurns };
  const at = message.turnId
    ? state.items.findIndex((item) => item.kind === "provisional" && item.turnId === message.turnId)
    : -1;
  const items =
    at === -1
      ? [...state.items, messageItem(message)]
      : state.items.map((item, index) => (index === at ? messageItem(message, true) : item));
  return { ...state, items, settledTurns };
}

function addDelta(state: ChatState, turnId: string, text: string): ChatState {
  if (state.settledTurns.includes(turnId)) return state;
  const at = state.items.findIndex((item) => item.kind === "provisional" && item.turnId === turnId);
  if (at === -1) {
    const item: ChatItem = { kind: "provisional", key: `turn:${turnId}`, turnId, text };
    return { ...state, items: [...state.items, item] };
  }
  const items = state.items.map((item) =>
    item.kind === "provisional" && item.turnId === turnId
      ? { ...item, text: item.text + text }
      : item,
  );
  return { ...state, items };
}

function discardTurn(state: ChatState, turnId: string): ChatState {
  return {
    ...state,
    items: state.items.filter((item) => !(item.kind === "provisional" && item.turnId === turnId)),
    settledTurns: remember(state.settledTurns, turnId),
  };
}

function setStatus(
  state: ChatState,
  status: ConversationStatus,
  notice: StatusNotice | null,
): ChatState {
  return { ...state, status, notice, statusVersion: state.statusVersion + 1 };
}

function applyEvent(state: ChatState, id: string, event: ChatEvent): ChatState {
  switch (event.type) {
    case "reply.delta":
      return addDelta(state, event.payload.turnId, event.payload.text);
    case "reply.discarded":
      return discardTurn(state, event.payload.turnId);
    case "message":
    case "status":
    case "resync": {
      if (state.seenEventIds.includes(id)) return state;
      const seen = { ...state, seenEventIds: remember(state.seenEventIds, id) };
      if (event.type === "message") return addMessage(seen, event.payload.message);
      if (event.type === "status")
        return setStatus(seen, event.payload.status, event.payload.notice);
      return { ...seen, resyncRequested: true };
    }
  }
}

function applySent(state: ChatState, clientId: string, result: SendResult): ChatState {
  const outgoing = state.items.find((item) => item.kind === "outgoing" && item.key === clientId);
  let next: ChatState = {
    ...state,
    items: state.items.flatMap((item) => {
      if (item !== outgoing) return [item];
      return hasMessage(state.items, result.userMessage.messageId)
        ? []
        : [messageItem(result.userMessage)];
    }),
  };
  if (!outgoing) next = addMessage(next, result.userMessage);
  if (result.reply) next = addMessage(next, result.reply);
  const stale = outgoing?.kind === "outgoing" && outgoing.statusVersion !== state.statusVersion;
  if (!stale && result.status !== state.status) next = setStatus(next, result.status, null);
  return next;
}

function historyState(
  state: ChatState,
  messages: ChatMessage[],
  status: ConversationStatus,
  olderCursor: string | null,
): ChatState {
  const turns = new Set(messages.flatMap((message) => message.turnId ?? []));
  // Messages after this page come back from the subscription, which resumes from the page's cursor.
  const pending = state.items.filter(
    (item) => item.kind === "outgoing" || (item.kind === "provisional" && !turns.has(item.turnId)),
  );
  return {
    ...state,
    items: [...messages.map((message) => messageItem(message)), ...pending],
    settledTurns: [...turns].reduce(remember, state.settledTurns),
    olderCursor,
    resyncRequested: false,
    ...(status === state.status ? {} : { status, statusVersion: state.statusVersion + 1 }),
  };
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "reset":
      return initialChatState;
    case "history":
      return historyState(state, action.messages, action.status, action.olderCursor);
    case "older": {
      const older = action.messages
        .filter((message) => !hasMessage(state.items, message.messageId))
        .map((message) => messageItem(message));
      return { ...state, items: [...older, ...state.items], olderCursor: action.olderCursor };
    }
    case "event":
      return applyEvent(state, action.id, action.event);
    case "send": {
      const item: ChatItem = {
        kind: "outgoing",
        key: action.clientId,
        content: action.content,
        fileNames: action.fileNames ?? [],
        state: "sending",
        error: null,
        statusVersion: state.statusVersion,
      };
      const rest = state.items.filter((existing) => existing.key !== action.clientId);
      return { ...state, items: [...rest, item] };
    }
    case "sent":
      return applySent(state, action.clientId, action.result);
    case "sendFailed":
      return {
        ...state,
        items: state.items.map((item) =>
          item.kind === "outgoing" && item.key === action.clientId
            ? { ...item, state: "failed", error: action.error }
            : item,
        ),
      };
    case "withdraw":
      return { ...state, items: state.items.filter((item) => item.key !== action.clientId) };
    case "status":
      return action.status === state.status ? state : setStatus(state, action.status, null);
  }
}

/** Who handles the conversation now, as the visitor needs to know it. */
export type ChatMode = "ai" | "human" | "closed";

export function chatMode(status: ConversationStatus | null): ChatMode {
  switch (status) {
    // A resolved conversation: the visitor's next message reopens it to the AI.
    case null:
    case "AI_ACTIVE":
    case "RESOLVED":
      return "ai";
    case "NEEDS_HUMAN":
    case "HUMAN_ACTIVE":
      return "human";
    case "CLOSED":
      return "closed";
  }
}

export const isSending = (state: ChatState) =>
  state.items.some((item) => item.kind === "outgoing" && item.state === "sending");

/** The visitor's message is on its way to the AI and nothing of the answer has streamed in yet. */
export const awaitingReply = (state: ChatState) =>
  chatMode(state.status) === "ai" &&
  state.items[state.items.length - 1]?.kind === "outgoing" &&
  isSending(state);
