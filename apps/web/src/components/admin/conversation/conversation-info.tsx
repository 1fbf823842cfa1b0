import type { ReactNode } from "react";
import { CHANNEL_LABELS } from "../../../lib/admin/labels";
import type { ConversationDetails, ConversationRow } from "../../../lib/admin/types";
import styles from "./conversation.module.css";

const when = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : null;

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  if (value === null || value === undefined || value === "") return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

/** The customer (Instagram profile when known), the channel's ids, the agent and the handoff facts. */
export function ConversationInfo({
  conversation,
  agent,
  profile,
}: {
  conversation: ConversationRow;
  agent: ConversationDetails["agent"];
  profile: ConversationDetails["instagramProfile"];
}) {
  return (
    <>
      {profile && (
        <section
          className={styles.card}
          aria-label="Instagram profile"
          data-testid="instagram-profile"
        >
          <div className={styles.profile}>
            {profile.profilePic && (
              // The picture is on Meta's CDN; next/image would need its host configured.
              <img
                src={profile.profilePic}
                alt=""
                width={48}
                height={48}
                referrerPolicy="no-referrer"
              />
            )}
            <div>
              <strong>{profile.name ?? "Instagram user"}</strong>
              {profile.username && <div className="muted">@{profile.username}</div>}
            </div>
          </div>
        </section>
      )}
      <section className={styles.card} aria-labelledby="info-title">
        <h2 id="info-title">Conversation</h2>
        <dl className={styles.facts}>
          <Fact
            label="Channel"
            value={CHANNEL_LABELS[conversation.channel]}
            testId="info-channel"
          />
          <Fact
            label="Customer id"
            value={conversation.externalUserId}
            testId="info-external-user"
          />
          <Fact label="Thread id" value={conversation.externalConversationId} />
          <Fact label="Conversation id" value={<code>{conversation.conversationId}</code>} />
          <Fact label="Created" value={when(conversation.createdAt)} />
          <Fact label="Last activity" value={when(conversation.lastActivityAt)} />
          <Fact
            label="Waiting since"
            value={
              conversation.status === "NEEDS_HUMAN" ? when(conversation.needsHumanSince) : null
            }
          />
          <Fact
            label="Handoff reason"
            value={conversation.handoffReason}
            testId="info-handoff-reason"
          />
          <Fact label="Escalation type" value={conversation.escalationType} />
          <Fact label="Request type" value={conversation.requestType} />
          <Fact label="Closed" value={when(conversation.closedAt)} />
        </dl>
      </section>
      <section className={styles.card} aria-labelledby="agent-title">
        <h2 id="agent-title">Agent</h2>
        {agent ? (
          <dl className={styles.facts}>
            <Fact label="Name" value={agent.displayName} />
            <Fact label="Clinic" value={agent.clinicName} />
            <Fact label="Specialty" value={agent.specialty} />
            <Fact label="Id" value={<code>{agent.agentId}</code>} />
            <Fact label="State" value={agent.isActive ? "Active" : "Inactive"} />
          </dl>
        ) : (
          <p className="muted">The agent no longer exists ({conversation.agentId}).</p>
        )}
      </section>
    </>
  );
}
