import { PLAYGROUND_MAX_HISTORY, PLAYGROUND_MAX_MESSAGE } from "@agents-crm/config/playground";
import type { PlaygroundChannel, PlaygroundInput, PlaygroundResult } from "./types";

// Older turns than the API's bound are dropped, not refused.

type PlaygroundHistory = NonNullable<PlaygroundInput["history"]>;

export type PlaygroundTurn =
  | { id: number; role: "user"; content: string; state: "pending" | "sent" | "failed" }
  | { id: number; role: "agent"; channel: PlaygroundChannel; result: PlaygroundResult };

export interface PlaygroundState {
  turns: PlaygroundTurn[];
  nextId: number;
}

export type PlaygroundAction =
  | { type: "send"; content: string }
  | { type: "answered"; userTurnId: number; result: PlaygroundResult }
  | { type: "failed"; userTurnId: number }
  | { type: "reset" };

export const emptyPlayground: PlaygroundState = { turns: [], nextId: 1 };

export function playgroundReducer(
  state: PlaygroundState,
  action: PlaygroundAction,
): PlaygroundState {
  switch (action.type) {
    case "send":
      return {
        turns: [
          ...state.turns,
          { id: state.nextId, role: "user", content: action.content, state: "pending" },
        ],
        nextId: state.nextId + 1,
      };
    case "answered": {
      const index = state.turns.findIndex((t) => t.id === action.userTurnId);
      // A reset while the turn ran: its answer belongs to a conversation that is gone.
      if (index < 0) return state;
      const turns = state.turns.map((t) =>
        t.id === action.userTurnId && t.role === "user" ? { ...t, state: "sent" as const } : t,
      );
      const answer: PlaygroundTurn = {
        id: state.nextId,
        role: "agent",
        channel: action.result.channel,
        result: action.result,
      };
      return {
        turns: [...turns.slice(0, index + 1), answer, ...turns.slice(index + 1)],
        nextId: state.nextId + 1,
      };
    }
    case "failed":
      return {
        ...state,
        turns: state.turns.map((t) =>
          t.id === action.userTurnId && t.role === "user" ? { ...t, state: "failed" as const } : t,
        ),
      };
    case "reset":
      return { turns: [], nextId: state.nextId };
  }
}

/**
 * What the agent saw before the new message: sent customer messages and the replies they got. A failed
 * message never reached the agent, and a turn that ended without a reply (blank input) adds nothing.
 */
export function historyForRequest(turns: readonly PlaygroundTurn[]): PlaygroundHistory {
  const history: PlaygroundHistory = [];
  for (const turn of turns) {
    if (turn.role === "user") {
      if (turn.state === "sent") history.push({ role: "user", content: turn.content });
    } else if (turn.result.reply) {
      history.push({
        role: "agent",
        content: turn.result.reply.text.slice(0, PLAYGROUND_MAX_MESSAGE),
      });
    }
  }
  return history.slice(-PLAYGROUND_MAX_HISTORY);
}

/** A message is sent when it has text, fits the limit and no other turn is running. */
export function canSend(draft: string, busy: boolean): boolean {
  const content = draft.trim();
  return !busy && content !== "" && content.length <= PLAYGROUND_MAX_MESSAGE;
}
