import { MAX_ID_BYTES } from "@agents-crm/config/request-limits";
import { webChatTokenSchema } from "@agents-crm/config/web-chat";
import { z } from "zod";
import type { ChatSession } from "./chat-types";

/** The part of the Web Storage API used here (localStorage in the browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the API accepts back: anything else stored under the key is someone else's or stale. */
const sessionSchema = z.object({
  conversationId: z.string().min(1).max(MAX_ID_BYTES),
  token: webChatTokenSchema,
});

/** One conversation per agent and browser: the key names the agent, the value holds its own token. */
export const chatSessionKey = (agentId: string) => `agents-crm:chat:${agentId}`;

export function readChatSession(storage: KeyValueStorage, agentId: string): ChatSession | null {
  try {
    const raw = storage.getItem(chatSessionKey(agentId));
    if (raw === null) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** False when the browser refuses to store (private modes, full quota): the chat works for this visit. */
export function writeChatSession(
  storage: KeyValueStorage,
  agentId: string,
  session: ChatSession,
): boolean {
  try {
    const value: ChatSession = { conversationId: session.conversationId, token: session.token };
    storage.setItem(chatSessionKey(agentId), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function forgetChatSession(storage: KeyValueStorage, agentId: string): void {
  try {
    storage.removeItem(chatSessionKey(agentId));
  } catch {
    // Nothing stored that could be reused.
  }
}

export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/** localStorage, or memory where reading it throws (sandboxed frames, some privacy settings). */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = window.localStorage;
    storage.getItem(chatSessionKey("probe"));
    return storage;
  } catch {
    return memoryStorage();
  }
}
