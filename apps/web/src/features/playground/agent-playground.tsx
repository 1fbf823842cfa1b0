"use client";

import { CHANNELS } from "@agents-crm/config/channels";
import { PLAYGROUND_MAX_MESSAGE } from "@agents-crm/config/playground";
import { useEffect, useReducer, useRef, useState, type KeyboardEvent } from "react";
import { errorCode, isUnauthorized } from "~/features/console/api-error";
import { draftIssues, type FieldIssue } from "./draft-issues";
import {
  canSend,
  emptyPlayground,
  historyForRequest,
  playgroundReducer,
} from "./playground-session";
import type { PlaygroundChannel } from "./types";
import { composerKeyAction } from "~/features/chat/composer-keys";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { PlaygroundTurnView } from "./playground-turn";
import admin from "~/ui/admin-page.module.css";
import styles from "./playground.module.css";

/**
 * Chat with an agent document that is not saved yet and see each turn's escalation decision.
 * `config` is the wizard's current draft (the full agent document); `agentId` is set once it exists.
 */
export function AgentPlayground({
  config,
  agentId,
}: {
  config: Record<string, unknown>;
  agentId?: string;
}) {
  const t = useT("playground");
  const common = useT("common");
  const { sessionLost } = useSession();
  const [state, dispatch] = useReducer(playgroundReducer, emptyPlayground);
  const [draft, setDraft] = useState("");
  const [channel, setChannel] = useState<PlaygroundChannel>("web_chat");
  const [invalid, setInvalid] = useState<FieldIssue[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const chatRef = useRef<HTMLDivElement>(null);
  const turn = trpc.agents.playground.useMutation();
  const busy = turn.isPending;

  useEffect(() => {
    const chat = chatRef.current;
    if (chat) chat.scrollTop = chat.scrollHeight;
  }, [state.turns.length]);

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

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const action = composerKeyAction({
      key: event.key,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      isComposing: event.nativeEvent.isComposing,
    });
    if (action !== "send") return;
    event.preventDefault();
    send();
  };

  const reset = () => {
    dispatch({ type: "reset" });
    turn.reset();
    setInvalid(null);
    setProblem(null);
  };

  const over = draft.trim().length - PLAYGROUND_MAX_MESSAGE;
  return (
    <section className={styles.playground} data-testid="agent-playground" aria-label={t.title}>
      <p className="muted">{t.intro}</p>
      <div className={styles.bar}>
        <label>
          {t.channel}
          <select
            value={channel}
            onChange={(e) => setChannel(e.target.value as PlaygroundChannel)}
            data-testid="playground-channel"
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {common.channels[c]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={admin.button}
          onClick={reset}
          disabled={state.turns.length === 0 && !invalid && !problem}
          data-testid="playground-reset"
        >
          {t.reset}
        </button>
      </div>

      {invalid && (
        <div className={styles.invalid} role="alert" data-testid="playground-invalid">
          {t.invalidTitle}
          <ul>
            {invalid.map((issue) => (
              <li key={`${issue.field}:${issue.message}`}>
                <code>{issue.field || t.wholeDocument}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div
        ref={chatRef}
        className={styles.chat}
        role="log"
        aria-live="polite"
        data-testid="playground-chat"
      >
        {state.turns.length === 0 && <p className={styles.empty}>{t.empty}</p>}
        {state.turns.map((item) => (
          <PlaygroundTurnView key={item.id} turn={item} />
        ))}
        {busy && <p className="muted">{t.sending}</p>}
      </div>

      <form
        className={styles.composer}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <label className="sr-only" htmlFor="playground-message">
          {t.inputLabel}
        </label>
        <textarea
          id="playground-message"
          rows={2}
          value={draft}
          placeholder={t.placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={over > 0}
          data-testid="playground-input"
        />
        <div className={styles.composerBar}>
          <span role={problem ? "alert" : undefined} className={styles.problem}>
            {problem ?? (over > 0 ? t.tooLong(over) : "")}
          </span>
          <button
            type="submit"
            className={admin.primary}
            disabled={!canSend(draft, busy)}
            data-testid="playground-send"
          >
            {t.send}
          </button>
        </div>
      </form>
    </section>
  );
}
