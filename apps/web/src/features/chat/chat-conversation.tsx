"use client";

import { useState } from "react";
import { awaitingReply, chatMode, isSending } from "./chat-reducer";
import type { AgentCard } from "./chat-types";
import { ModelLabel } from "~/app/model-label";
import { LanguageSwitcher } from "~/i18n/language-switcher";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import styles from "./chat.module.css";
import { ChatHeader } from "./chat-header";
import { restoreChatFiles } from "./chat-files";
import { ClosedNote } from "./closed-note";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { StatusBanner } from "./status-banner";
import { useChatConversation } from "./use-chat-conversation";

export function ChatConversation({
  card,
  variant,
}: {
  card: AgentCard;
  variant: "page" | "embed";
}) {
  const t = useT("chat").conversation;
  const chat = useChatConversation(card.agentId);
  const [draft, setDraft] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const { state } = chat;
  const closed = chatMode(state.status) === "closed";

  return (
    <>
      <ChatHeader card={card} connection={chat.connection} variant={variant} />
      <StatusBanner
        status={state.status}
        notice={state.notice}
        ended={chat.ended}
        agentGone={chat.agentGone}
      />
      {chat.load === "loading" && (
        <p className={styles.empty} role="status">
          {t.loading}
        </p>
      )}
      {chat.load === "failed" && (
        <div className={styles.empty} role="alert">
          <p>{t.loadFailed}</p>
          <Button variant="primary" pill onClick={chat.reload}>
            {t.retry}
          </Button>
        </div>
      )}
      {chat.load === "ready" && (
        <MessageList
          items={state.items}
          card={card}
          typing={awaitingReply(state)}
          canLoadOlder={state.olderCursor !== null}
          onLoadOlder={chat.loadOlder}
          onRetry={chat.retry}
          onWithdraw={(clientId) => {
            const item = state.items.find((each) => each.key === clientId);
            if (item?.kind === "outgoing")
              setDraft((current) => (current ? `${item.content}\n${current}` : item.content));
            const withdrawn = chat.withdraw(clientId);
            if (withdrawn.length > 0) setFiles((current) => restoreChatFiles(current, withdrawn));
          }}
        />
      )}
      {closed && <ClosedNote onStartNew={chat.startNew} />}
      <Composer
        draft={draft}
        onDraftChange={setDraft}
        files={files}
        onFilesChange={setFiles}
        onSend={chat.send}
        sending={isSending(state)}
        disabled={closed || chat.agentGone || chat.load !== "ready"}
      />
      <div className={styles.footnote}>
        <ModelLabel />
        <LanguageSwitcher />
      </div>
    </>
  );
}
