"use client";

import { staffHandoffReason, whyOf } from "@agents-crm/config/handoff-summary";
import { escalationTypeLabel } from "~/i18n/escalation-words";
import { formatDateTime } from "~/i18n/format";
import type { ConversationDetails, ConversationRow } from "~/features/console/types";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { Fact } from "./fact";
import styles from "./conversation.module.css";

/** The conversation's own facts (ids, times, handoff) and its agent. */
export function ConversationInfo({
  conversation,
  agent,
}: {
  conversation: ConversationRow;
  agent: ConversationDetails["agent"];
}) {
  const t = useT("conversations");
  const { locale } = useLocale();
  const when = (iso: string | undefined) => (iso ? formatDateTime(locale, iso) : null);
  const summaryWords = useT("common").summary;
  // A reason the summary names (an unreadable photo, …) reads in the console's language.
  const staffReason = staffHandoffReason(conversation.handoffReason);
  const stored = staffReason ? t.info.staffReasons[staffReason] : conversation.handoffReason;
  const reason = conversation.handoffSummary
    ? whyOf(conversation.handoffSummary, summaryWords) || stored
    : stored;
  return (
    <>
      <section className={styles.card} aria-labelledby="info-title">
        <h2 id="info-title">{t.info.title}</h2>
        <dl className={styles.facts}>
          <Fact label={t.info.conversationId} value={<code>{conversation.conversationId}</code>} />
          <Fact label={t.info.created} value={when(conversation.createdAt)} />
          <Fact label={t.info.lastActivity} value={when(conversation.lastActivityAt)} />
          <Fact
            label={t.info.waitingSince}
            value={
              conversation.status === "NEEDS_HUMAN" ? when(conversation.needsHumanSince) : null
            }
          />
          <Fact label={t.info.handoffReason} value={reason} testId="info-handoff-reason" />
          <Fact
            label={t.info.escalationType}
            value={
              conversation.escalationType
                ? escalationTypeLabel(conversation.escalationType, locale)
                : null
            }
          />
          <Fact label={t.info.requestType} value={conversation.requestType} />
          <Fact label={t.info.closed} value={when(conversation.closedAt)} />
        </dl>
      </section>
      <section className={styles.card} aria-labelledby="agent-title">
        <h2 id="agent-title">{t.agent.title}</h2>
        {agent ? (
          <dl className={styles.facts}>
            <Fact label={t.agent.name} value={agent.displayName} />
            <Fact label={t.agent.clinic} value={agent.clinicName} />
            <Fact label={t.agent.specialty} value={agent.specialty} />
            <Fact label={t.agent.id} value={<code>{agent.agentId}</code>} />
            <Fact
              label={t.agent.state}
              value={agent.isActive ? t.agent.active : t.agent.inactive}
            />
          </dl>
        ) : (
          <p className="muted">{t.agent.gone(conversation.agentId)}</p>
        )}
      </section>
    </>
  );
}
