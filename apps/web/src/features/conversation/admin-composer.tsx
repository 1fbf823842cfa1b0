"use client";

import { MAX_MESSAGE_CHARS } from "@agents-crm/config/conversations";
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import type { ConversationRow, TranscriptMessage } from "~/features/console/types";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import { CannedPicker } from "~/features/canned-responses/canned-picker";
import { useCannedPicker, type CannedValues } from "~/features/canned-responses/use-canned-picker";
import { CopilotActions } from "~/features/copilot/copilot-actions";
import { useSuggestReply } from "~/features/copilot/use-suggest-reply";
import { useTranslateDraft } from "~/features/copilot/use-translate-draft";
import { Button } from "~/ui/button";
import { TextArea } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { AttachButton } from "~/features/outbound-attachments/attach-button";
import { AttachmentTray } from "~/features/outbound-attachments/attachment-tray";
import { DropZone } from "~/features/outbound-attachments/drop-zone";
import { useOutboundAttachments } from "~/features/outbound-attachments/use-outbound-attachments";
import { useFilesUrl } from "~/lib/files-url";
import styles from "./conversation.module.css";

/** The staff's reply box: Enter sends, Shift+Enter starts a new line. Replying takes over from the AI. */
export function AdminComposer({
  conversation,
  onSent,
  onChanged,
  cannedValues = {},
}: {
  conversation: ConversationRow;
  onSent: (message: TranscriptMessage) => void;
  onChanged: (row: ConversationRow) => void;
  /** What `{customer_name}`, `{agent_name}` and `{clinic_name}` become in a canned response. */
  cannedValues?: CannedValues;
}) {
  const t = useT("conversations").composer;
  const { sessionLost } = useSession();
  const [text, setText] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedPicker({
    text,
    setText,
    textarea,
    agentId: conversation.agentId,
    values: cannedValues,
  });
  const suggest = useSuggestReply(conversation.conversationId, text, setText);
  const translation = useTranslateDraft(conversation.conversationId, text, setText);
  const attachments = useOutboundAttachments({
    conversationId: conversation.conversationId,
    channel: conversation.channel,
    uploadUrl: useFilesUrl(),
  });
  const reply = trpc.conversations.reply.useMutation({
    onSuccess: (result) => {
      onSent(result.message);
      onChanged(result.conversation);
      canned.onSent();
      setText("");
      attachments.clear();
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });

  if (conversation.status === "CLOSED") {
    return <p className={styles.closedNote}>{t.closed}</p>;
  }

  const content = text.trim();
  const fileIds = attachments.fileIds;
  // Files still uploading or refused must be waited for or removed: sending without them would surprise.
  const cannot =
    (!content && fileIds.length === 0) ||
    attachments.uploading ||
    attachments.hasFailed ||
    reply.isPending ||
    suggest.streaming ||
    content.length > MAX_MESSAGE_CHARS;
  const send = () => {
    if (cannot) return;
    reply.mutate({
      conversationId: conversation.conversationId,
      content,
      ...(fileIds.length > 0 ? { fileIds } : {}),
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (canned.onKeyDown(event)) return;
    // Enter while an input method is composing picks a candidate; it must not send.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <DropZone attachments={attachments}>
      <form className={styles.composer} onSubmit={onSubmit}>
        {conversation.status === "AI_ACTIVE" && <p className={styles.hint}>{t.aiAnswering}</p>}
        <label className="sr-only" htmlFor="admin-reply">
          {t.label}
        </label>
        <TextArea
          size="lg"
          id="admin-reply"
          rows={3}
          value={text}
          placeholder={t.placeholder}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={attachments.onPaste}
          ref={textarea}
          onSelect={canned.onSelect}
          {...canned.textareaProps}
          // While a suggestion streams in, typing would be overwritten by the next piece.
          readOnly={suggest.streaming}
          aria-busy={suggest.streaming}
          aria-invalid={content.length > MAX_MESSAGE_CHARS}
          data-testid="admin-reply"
          data-shortcut="reply"
        />
        <AttachmentTray attachments={attachments} />
        <CannedPicker picker={canned} />
        <CopilotActions
          conversationId={conversation.conversationId}
          draft={text}
          suggest={suggest}
          translation={translation}
        />
        <div className={styles.composerBar}>
          {reply.error ? (
            <Notice tone="danger" look="text" role="alert">
              {t.notSent(reply.error.message)}
            </Notice>
          ) : (
            <span className="muted">
              {content.length > MAX_MESSAGE_CHARS * 0.9
                ? `${content.length} / ${MAX_MESSAGE_CHARS}`
                : ""}
            </span>
          )}
          <span className={styles.composerSend}>
            <AttachButton attachments={attachments} disabled={reply.isPending} />
            <Button type="submit" variant="primary" disabled={cannot} data-testid="admin-send">
              {reply.isPending ? t.sending : t.send}
            </Button>
          </span>
        </div>
      </form>
    </DropZone>
  );
}
