"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import type { FieldIssue } from "./draft-issues";
import { CHANNELS } from "@agents-crm/config/channels";
import { PLAYGROUND_MAX_MESSAGE } from "@agents-crm/config/playground";
import type { PlaygroundChannel } from "./types";
import { composerKeyAction } from "~/features/chat/composer-keys";
import { useOfflineModel } from "~/features/console/use-offline-model";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { Select, TextArea } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { PlaygroundTurnView } from "./playground-turn";
import { usePlaygroundChat } from "./use-playground-chat";
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
  const chat = usePlaygroundChat(config, agentId);
  const chatRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const log = chatRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [chat.turns.length]);

  return (
    <section className={styles.playground} data-testid="agent-playground" aria-label={t.title}>
      <div>
        <p className="muted">{t.intro}</p>
        <AnsweringModel config={config} />
      </div>
      <div className={styles.bar}>
        <ChannelSelect channel={chat.channel} onChange={chat.setChannel} />
        <Button
          onClick={chat.reset}
          disabled={chat.turns.length === 0 && !chat.invalid && !chat.problem}
          data-testid="playground-reset"
        >
          {t.reset}
        </Button>
      </div>

      {chat.invalid && <InvalidDraft issues={chat.invalid} />}

      <div
        ref={chatRef}
        className={styles.chat}
        role="log"
        aria-live="polite"
        data-testid="playground-chat"
      >
        {chat.turns.length === 0 && <p className={styles.empty}>{t.empty}</p>}
        {chat.turns.map((item) => (
          <PlaygroundTurnView key={item.id} turn={item} />
        ))}
        {chat.busy && <p className="muted">{t.sending}</p>}
      </div>

      <Composer chat={chat} />
    </section>
  );
}

/** Which model answers here: the draft's, or the offline model when the server has no LLM. */
function AnsweringModel({ config }: { config: Record<string, unknown> }) {
  const t = useT("playground");
  const offline = useOfflineModel();
  if (offline === null) return null;
  const llm = config.llm as { model?: unknown } | undefined;
  const configured = typeof llm?.model === "string" && llm.model.trim() ? llm.model : null;
  const name = offline ? t.offlineModel : configured;
  if (name === null) return null;
  return (
    <p className="muted" data-testid="playground-model" data-offline={offline}>
      {t.answersBy(name)}
    </p>
  );
}

function ChannelSelect({
  channel,
  onChange,
}: {
  channel: PlaygroundChannel;
  onChange: (channel: PlaygroundChannel) => void;
}) {
  const t = useT("playground");
  const common = useT("common");
  return (
    <label>
      {t.channel}
      <Select
        value={channel}
        onChange={(e) => onChange(e.target.value as PlaygroundChannel)}
        data-testid="playground-channel"
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {common.channels[c]}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** The draft the API refused to run, field by field. */
function InvalidDraft({ issues }: { issues: FieldIssue[] }) {
  const t = useT("playground");
  return (
    <div className={styles.invalid} role="alert" data-testid="playground-invalid">
      {t.invalidTitle}
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.field}:${issue.message}`}>
            <code>{issue.field || t.wholeDocument}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message box: Enter sends (not while an input method composes), Shift+Enter breaks the line. */
function Composer({ chat }: { chat: ReturnType<typeof usePlaygroundChat> }) {
  const t = useT("playground");
  const over = chat.draft.trim().length - PLAYGROUND_MAX_MESSAGE;
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const action = composerKeyAction({
      key: event.key,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      isComposing: event.nativeEvent.isComposing,
    });
    if (action !== "send") return;
    event.preventDefault();
    chat.send();
  };
  return (
    <form
      className={styles.composer}
      onSubmit={(event) => {
        event.preventDefault();
        chat.send();
      }}
    >
      <label className="sr-only" htmlFor="playground-message">
        {t.inputLabel}
      </label>
      <TextArea
        id="playground-message"
        className={styles.message}
        rows={2}
        value={chat.draft}
        placeholder={t.placeholder}
        onChange={(e) => chat.setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={over > 0}
        data-testid="playground-input"
      />
      <div className={styles.composerBar}>
        <Notice tone="danger" look="text" role={chat.problem ? "alert" : undefined}>
          {chat.problem ?? (over > 0 ? t.tooLong(over) : "")}
        </Notice>
        <Button
          type="submit"
          variant="primary"
          disabled={!chat.canSend}
          data-testid="playground-send"
        >
          {t.send}
        </Button>
      </div>
    </form>
  );
}
