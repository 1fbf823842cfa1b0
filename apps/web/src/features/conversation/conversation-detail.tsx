"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { errorCode } from "~/features/console/api-error";
import { customerProfile } from "./customer-profile";
import { customerLabel, shortId } from "~/features/console/labels";
import { useT } from "~/i18n/i18n-provider";
import { AssignControl } from "~/features/assignment/assign-control";
import { HandlerBadge } from "~/features/assignment/handler-badge";
import { AdminComposer } from "./admin-composer";
import { KeyboardShortcuts } from "~/features/shortcuts/keyboard-shortcuts";
import { ConversationActions } from "./conversation-actions";
import { ConversationInfo } from "./conversation-info";
import { HandoffSummaryLines } from "~/features/console/handoff-summary";
import { ComposerModeToggle, type ComposerMode } from "~/features/notes/composer-mode-toggle";
import { NoteComposer } from "~/features/notes/note-composer";
import { CustomerProfileCard } from "./customer-profile-card";
import { StagePicker } from "./stage-picker";
import { Transcript } from "./transcript";
import { useLiveConversation } from "./use-live-conversation";
import { useMarkRead } from "~/features/triage/use-mark-read";
import { ConversationLabels } from "~/features/contacts/conversation-labels";
import { ContactLink, useConversationContact } from "~/features/contacts/conversation-contact";
import styles from "./conversation.module.css";

/** `/admin/conversations/[id]`: the transcript, the staff's controls and what is known of the customer. */
export function ConversationDetail({ conversationId }: { conversationId: string }) {
  const t = useT("conversations");
  const { details, pages, messages, applyRow, addMessage, addSent } =
    useLiveConversation(conversationId);
  useMarkRead(conversationId);
  const [mode, setMode] = useState<ComposerMode>("reply");
  const data = details.data;
  const contact = useConversationContact(data?.conversation.contactId);
  const profile = useMemo(
    () =>
      data
        ? customerProfile(data.conversation, data.instagramProfile, messages, data.customerIdentity)
        : null,
    [data, messages],
  );

  if (details.isError) {
    return (
      <div role="alert" className={styles.missing}>
        <p>
          {errorCode(details.error) === "NOT_FOUND"
            ? t.detail.notFound
            : t.detail.loadFailed(details.error.message)}
        </p>
        <Link href="/admin/conversations">{t.detail.backToList}</Link>
      </div>
    );
  }
  if (!data || !profile) {
    return (
      <p className="muted" role="status">
        {t.detail.loading}
      </p>
    );
  }

  const { conversation, agent } = data;
  const assigneeName =
    data.assignee?.userId === conversation.assigneeId ? (data.assignee?.name ?? null) : null;
  const fallbackName = customerLabel(conversation, t.row);
  const title = contact?.name ?? profile.name ?? fallbackName;
  return (
    <article
      className={styles.detail}
      data-testid="conversation-detail"
      data-status={conversation.status}
      data-shortcut-scope="page"
    >
      <KeyboardShortcuts />
      <header className={styles.top}>
        <Link href="/admin/conversations" className={styles.back}>
          {t.detail.back}
        </Link>
        <div className={styles.heading}>
          <h1>
            {title} <span className="muted">#{shortId(conversation.conversationId)}</span>
          </h1>
          <HandlerBadge conversation={conversation} fallbackName={assigneeName} />
          {contact && <ContactLink contactId={contact.contactId} name={contact.displayName} />}
        </div>
        {(conversation.status === "NEEDS_HUMAN" || conversation.status === "HUMAN_ACTIVE") && (
          <HandoffSummaryLines summary={conversation.handoffSummary} />
        )}
        <ConversationActions conversation={conversation} onChanged={applyRow} />
      </header>
      <div className={styles.columns}>
        <section className={styles.thread} aria-label={t.detail.transcript}>
          <Transcript
            messages={messages}
            loading={pages.isPending}
            error={pages.error?.message ?? null}
            hasEarlier={Boolean(pages.hasNextPage)}
            loadingEarlier={pages.isFetchingNextPage}
            onLoadEarlier={() => void pages.fetchNextPage()}
            onMessageChanged={addMessage}
          />
          <ComposerModeToggle mode={mode} onChange={setMode} />
          {mode === "note" ? (
            <NoteComposer conversationId={conversation.conversationId} onAdded={addMessage} />
          ) : (
            <AdminComposer
              conversation={conversation}
              onSent={addSent}
              onChanged={applyRow}
              cannedValues={{
                customer_name: profile.name ?? profile.username,
                agent_name: agent?.displayName,
                clinic_name: agent?.clinicName,
              }}
            />
          )}
        </section>
        <aside className={styles.side}>
          <CustomerProfileCard
            profile={contact?.name ? { ...profile, name: contact.name } : profile}
            fallbackName={fallbackName}
            conversationId={conversation.conversationId}
            contactId={conversation.contactId}
          />
          <AssignControl
            conversation={conversation}
            fallbackName={assigneeName}
            onChanged={applyRow}
          />
          <StagePicker conversation={conversation} onChanged={applyRow} />
          <ConversationLabels row={conversation} onChanged={applyRow} />
          <ConversationInfo conversation={conversation} agent={agent} />
        </aside>
      </div>
    </article>
  );
}
