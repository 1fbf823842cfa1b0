"use client";

import { useReducer, useState } from "react";
import { errorCode, isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { draftIssues, type FieldIssue } from "./draft-issues";
import {
  canSend,
  emptyPlayground,
  historyForRequest,
  playgroundReducer,
} from "./playground-session";
import type { PlaygroundChannel } from "./types";

/**
 * The playground's conversation with an unsaved agent document: the turns, the message being typed,
 * the channel it pretends to come from, and why the last send failed (the draft's issues, the rate
 * limit or the server's message).
 */
export function usePlaygroundChat(config: Record<string, unknown>, agentId: string | undefined) {
  const t = useT("playground");
  const { sessionLost } = useSession();
  const [state, dispatch] = useReducer(playgroundReducer, emptyPlayground);
  const [draft, setDraft] = useState("");
  const [channel, setChannel] = useState<PlaygroundChannel>("web_chat");
  const [invalid, setInvalid] = useState<FieldIssue[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const turn = trpc.agents.playground.useMutation();
  const busy = turn.isPending;

  const send = () => {
    if (!canSend(draft, busy)) return;
    const message = draft.trim();
    const history = historyForRequest(state.turns);
    const userTurnId = state.nextId;
    dispatch({ type: "send", content: message });
    setDraft("");
    setInvalid(null);
    setProblem(null);
    turn.mutate(
      { config, message, history, channel, ...(agentId ? { agentId } : {}) },
      {
        onSuccess: (result) => dispatch({ type: "answered", userTurnId, result }),
        onError: (error) => {
          dispatch({ type: "failed", userTurnId });
          if (isUnauthorized(error)) return sessionLost();
          const issues = draftIssues(error);
          if (issues) setInvalid(issues);
          else if (errorCode(error) === "TOO_MANY_REQUESTS" || error.data?.httpStatus === 429)
            setProblem(t.errors.rateLimited);
          else setProblem(t.errors.generic(error.message));
        },
      },
    );
  };

  const reset = () => {
    dispatch({ type: "reset" });
    turn.reset();
    setInvalid(null);
    setProblem(null);
  };

  return {
    turns: state.turns,
    draft,
    setDraft,
    channel,
    setChannel,
    invalid,
    problem,
    busy,
    canSend: canSend(draft, busy),
    send,
    reset,
  };
}
