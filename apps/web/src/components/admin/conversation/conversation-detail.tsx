"use client";

import Link from "next/link";
import { errorCode } from "../../../lib/admin/api-error";
import { customerLabel, shortId } from "../../../lib/admin/labels";
import { StatusBadge } from "../status-badge";
import { AdminComposer } from "./admin-composer";
import { ConversationActions } from "./conversation-actions";
import { ConversationInfo } from "./conversation-info";
import { StagePicker } from "./stage-picker";
import { Transcript } from "./transcript";
import { useLiveConversation } from "./use-live-conversation";
import styles from "./conversation.module.css";

/** `/admin/conversations/[id]`: the transcript, the staff's controls and what is known of the customer. */
export function ConversationDetail({ conversationId }: { conversationId: string }) {
  const { details, pages, messages, applyRow, addMessage } = useLiveConversation(conversationId);

  if (details.isError) {
    return (
      <div role="alert" className={styles.missing}>
        <p>
          {errorCode(details.error) === "NOT_FOUND"
            ? "This conversation does not exist (or has expired)."
            : `Could not load the conversation: ${details.error.message}`}
        </p>
        <Link href="/admin/conversations">Back to conversations</Link>
      </div>
    );
  }
  if (!details.data) {
    return (
      <p className="muted" role="status">
        Loading the conversation…
      </p>
    );
  }

  const { conversation, agent, instagramProfile } = details.data;
  const title = instagramProfile?.name ?? customerLabel(conversation);
  return (
    <article
      className={styles.detail}
      data-testid="conversation-detail"
      data-status={conversation.status}
    >
      <header className={styles.top}>
        <Link href="/admin/conversations" className={styles.back}>
          ← Conversations
        </Link>
        <div className={styles.heading}>
          <h1>
            {title} <span className="muted">#{shortId(conversation.conversationId)}</span>
          </h1>
          <StatusBadge status={conversation.status} />
        </div>
        <ConversationActions conversation={conversation} onChanged={applyRow} />
      </header>
      <div className={styles.columns}>
        <section className={styles.thread} aria-label="Transcript">
          <Transcript
            messages={messages}
            loading={pages.isPending}
            error={pages.error?.message ?? null}
            hasEarlier={Boolean(pages.hasNextPage)}
            loadingEarlier={pages.isFetchingNextPage}
            onLoadEarlier={() => void pages.fetchNextPage()}
          />
          <AdminComposer conversation={conversation} onSent={addMessage} onChanged={applyRow} />
        </section>
        <aside className={styles.side}>
          <StagePicker conversation={conversation} onChanged={applyRow} />
          <ConversationInfo conversation={conversation} agent={agent} profile={instagramProfile} />
        </aside>
      </div>
    </article>
  );
}
