import { setTimeout as sleep } from "node:timers/promises";

/**
 * Telegram allows a bot about one message per second in one chat
 * (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). Sends to a chat
 * take turns here, at least `intervalMs` apart; a 429's retry_after pushes the chat's next turn back.
 * Per process: one conversation's deliveries run one at a time (the inbox orders them), so in practice
 * one process sends to a chat at a time.
 */
export function createTelegramPacer(options: { intervalMs?: number; maxChats?: number } = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  const maxChats = options.maxChats ?? 10_000;
  /** Per chat: when the next message may go, and the turn the last caller holds. */
  const chats = new Map<string, { nextAt: number; turn: Promise<void> }>();

  const stateOf = (chat: string) => {
    let state = chats.get(chat);
    if (!state) {
      if (chats.size >= maxChats) {
        const now = Date.now();
        for (const [key, value] of chats) if (value.nextAt < now) chats.delete(key);
      }
      state = { nextAt: 0, turn: Promise.resolve() };
      chats.set(chat, state);
    }
    return state;
  };

  return {
    /** Runs `send` when it is the chat's turn and its interval has passed. */
    async send<T>(chat: string, send: () => Promise<T>): Promise<T> {
      const state = stateOf(chat);
      const previous = state.turn;
      let release = () => undefined as void;
      state.turn = new Promise<void>((resolve) => (release = resolve));
      await previous;
      try {
        const wait = state.nextAt - Date.now();
        if (wait > 0) await sleep(wait);
        // Only a message that went out counts; a refused one is retried after its own back-off.
        const result = await send();
        state.nextAt = Math.max(state.nextAt, Date.now() + intervalMs);
        return result;
      } finally {
        release();
      }
    },

    /** The chat hit a flood limit: nothing goes to it before `ms` from now. */
    holdOff(chat: string, ms: number): void {
      const state = stateOf(chat);
      state.nextAt = Math.max(state.nextAt, Date.now() + ms);
    },
  };
}

export type TelegramPacer = ReturnType<typeof createTelegramPacer>;
