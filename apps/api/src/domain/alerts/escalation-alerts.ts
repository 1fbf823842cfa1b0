import type { ServerEnv } from "@agents-crm/config/env";
import type { HandoffSummary } from "@agents-crm/config/handoff-summary";
import type { Conversation, Repositories } from "@agents-crm/db";
import type { Logger } from "../../logger";
import type { TelegramBotApi } from "../../platforms/telegram-bot-api";
import type { EventHub } from "../../realtime/types";
import { toAgentCard } from "../agents/agent-card";
import { publishAdmin, publishChat } from "../conversations/events";
import { conversationView } from "../conversations/views";
import { browserNotification, type AlertFacts } from "./alert-text";
import { createBackgroundWork } from "./background-work";
import { createRealertSweeper } from "./realert-sweeper";
import { endSnooze } from "../conversations/snooze";
import { snoozeEndedText } from "./snooze-ended-text";
import { sweepReads, type AlertReads } from "./sweep-reads";
import { sendStaffTelegramAlert } from "./staff-telegram-alerts";
import { sendAssignmentAlert, sendTelegramAlerts } from "./telegram-alerts";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./telegram-retry";

export interface EscalationAlertsOptions {
  env: Pick<ServerEnv, "APP_URL" | "ESCALATION_REALERT_MINUTES">;
  repos: Pick<
    Repositories,
    "agents" | "conversations" | "notificationConfigs" | "kv" | "audit" | "settings" | "adminUsers"
  >;
  hub: EventHub;
  log: Logger;
  telegram: Pick<TelegramBotApi, "sendMessage">;
  retry?: RetryPolicy;
  /** How often the re-alert sweep runs (default: a minute, or less for short re-alert times). */
  sweepIntervalMs?: number;
}

export interface EscalationDetails {
  reason: string;
  escalationType: string;
  summary?: HandoffSummary | null;
}

/**
 * The live part: the consoles' event with browser-notification data (a re-alert when `waitingMinutes` is
 * set), and for a first alert the web chat visitor's status notice.
 */
async function publishEscalation(hub: EventHub, facts: AlertFacts): Promise<void> {
  const { conversation } = facts;
  const realert = facts.waitingMinutes !== undefined;
  await Promise.all([
    publishAdmin(hub, {
      type: "conversation.escalated",
      payload: {
        conversation: conversationView(conversation),
        reason: facts.reason,
        escalationType: facts.escalationType,
        summary: facts.summary ?? null,
        realert,
        notification: browserNotification(facts),
      },
    }),
    !realert &&
      conversation.channel === "web_chat" &&
      publishChat(hub, conversation.conversationId, {
        type: "status",
        payload: { status: conversation.status, notice: "escalated" },
      }),
  ]);
}

/**
 * Tells people about escalations: an admin event with browser-notification data, a status notice to the
 * web chat visitor, and Telegram messages to the agent's active alert chats (background, retried, awaited
 * on shutdown). A sweep re-alerts escalations nobody took over in ESCALATION_REALERT_MINUTES.
 */
export function createEscalationAlerts(options: EscalationAlertsOptions) {
  const { env, repos, hub, log, telegram } = options;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const work = createBackgroundWork(log);

  async function agentName(agentId: string, reads: AlertReads = repos): Promise<string> {
    const agent = await reads.agents.get(agentId);
    return agent ? toAgentCard(agentId, agent.config).displayName : agentId;
  }

  async function announce(
    conversation: Conversation,
    details: EscalationDetails,
    waitingMinutes?: number,
    reads: AlertReads = repos,
  ): Promise<void> {
    const facts: AlertFacts = {
      conversation,
      agentName: await agentName(conversation.agentId, reads),
      reason: details.reason,
      escalationType: details.escalationType,
      summary: details.summary,
      waitingMinutes,
    };
    await publishEscalation(hub, facts);
    work.run("telegram escalation alert", () =>
      sendTelegramAlerts({ env, repos: reads, telegram, retry, log }, facts),
    );
  }

  const reminder = (conversation: Conversation, waitingMinutes: number, reads: AlertReads) =>
    announce(
      conversation,
      {
        reason: conversation.handoffReason ?? "Escalated",
        escalationType: conversation.escalationType ?? "custom",
        summary: conversation.handoffSummary ?? null,
      },
      waitingMinutes,
      reads,
    );
  const sweeper = createRealertSweeper({
    repos,
    log,
    minutes: env.ESCALATION_REALERT_MINUTES,
    intervalMs: options.sweepIntervalMs,
    scope: () => sweepReads(repos),
    realert: reminder,
    // The snooze ran out: back in its queue. Waiting for a human, staff are reminded as by a re-alert;
    // handled by one, its assignee's own alert chats are (consoles hear the change either way).
    async snoozeEnded(conversation, reads) {
      const woken = await endSnooze({ repos, hub }, conversation);
      if (!woken) return;
      if (woken.status !== "NEEDS_HUMAN") {
        const userId = woken.assigneeId;
        if (!userId) return;
        const facts = {
          conversationId: woken.conversationId,
          agentName: await agentName(woken.agentId, reads),
        };
        work.run("telegram snooze reminder", () =>
          sendStaffTelegramAlert(
            { repos: reads, telegram, retry, log },
            { userId, agentId: woken.agentId },
            (language) => snoozeEndedText(facts, env.APP_URL, language),
          ),
        );
        return;
      }
      const since = woken.needsHumanSince ? Date.parse(woken.needsHumanSince) : Date.now();
      await reminder(woken, Math.max(0, Math.round((Date.now() - since) / 60_000)), reads);
    },
  });

  return {
    /** Call once the conversation is NEEDS_HUMAN; resolves when the events are published. */
    escalated: (conversation: Conversation, details: EscalationDetails) =>
      announce(conversation, details),
    /** A conversation was assigned: its assignee's own alert chats hear it (background, retried). */
    async assigned(conversation: Conversation, details: { actorName: string }): Promise<void> {
      const facts = {
        conversation,
        agentName: await agentName(conversation.agentId),
        actorName: details.actorName,
      };
      work.run("telegram assignment alert", () =>
        sendAssignmentAlert({ env, repos, telegram, retry, log }, facts),
      );
    },
    /** A message for one staff member's own alert chats (a note's mention), in the background. */
    toStaffMember: (
      target: { userId: string; agentId: string },
      textFor: Parameters<typeof sendStaffTelegramAlert>[2],
    ) =>
      work.run("telegram staff alert", () =>
        sendStaffTelegramAlert({ repos, telegram, retry, log }, target, textFor),
      ),
    /** A message for every active alert chat of an agent (a channel problem), in the background. */
    toAgentChats: (agentId: string, textFor: Parameters<typeof sendStaffTelegramAlert>[2]) =>
      work.run("telegram channel alert", () =>
        sendStaffTelegramAlert({ repos, telegram, retry, log }, { agentId }, textFor),
      ),
    /** One re-alert pass; returns how many conversations were re-alerted. */
    sweep: sweeper.sweep,
    /** How often the sweep should run (a cluster job runs it on one replica: cluster/background-jobs.ts). */
    sweepIntervalMs: sweeper.intervalMs,
    /** Starts the periodic sweep (not in tests that drive `sweep` themselves). */
    start: () => sweeper.start(),
    /** Telegram deliveries still under way. */
    get pending(): number {
      return work.size;
    },
    /** Waits for alert deliveries under way. */
    drain: () => work.drain(),
    async close(): Promise<void> {
      await sweeper.stop();
      await work.drain();
    },
  };
}

export type EscalationAlerts = ReturnType<typeof createEscalationAlerts>;
