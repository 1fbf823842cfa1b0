import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { AuditAction, AuditResourceType } from "@agents-crm/config/audit-actions";
import type { HandoffSummary } from "@agents-crm/config/handoff-summary";
import type { PipelineStage } from "@agents-crm/config/pipeline";
import type { MessageWithAttachments } from "../../files/attachment-views";
import type { TokenProblemEvent } from "../bindings/token-problem-alert";
import { ADMIN_STREAM, conversationStream, type EventHub } from "../../realtime/types";
import type { ConversationView, PublicMessage } from "./views";

/** What the web chat visitor is told about a status change. */
export type StatusNotice =
  "escalated" | "taken_over" | "returned_to_ai" | "closed" | "resolved" | "reopened";

/** Events on `conversation#<id>`: only what the visitor holding the token may see. */
export type ChatEvent =
  /** A message of the agent or the staff (the visitor's own come back from chat.send). */
  | { type: "message"; payload: { message: PublicMessage } }
  /** Provisional reply text as the model writes it; the stored `message` with the same turnId replaces it. */
  | { type: "reply.delta"; payload: { turnId: string; text: string } }
  /** The streamed text of this turn will not be sent (a later message joined the burst, or a human took over). */
  | { type: "reply.discarded"; payload: { turnId: string } }
  | { type: "status"; payload: { status: ConversationStatus; notice: StatusNotice } }
  /** More was missed than a resume replays: reload the history. */
  | { type: "resync"; payload: Record<string, never> };

export type ConversationChange =
  | "handoff"
  | "returned_to_ai"
  | "stage"
  | "closed"
  | "taken_over_by_reply"
  /** Assigned, reassigned or unassigned: `conversation.assigneeId` is the new assignee. */
  | "assigned"
  | "resolved"
  | "reopened"
  | "snoozed"
  | "snooze_ended"
  /** Staff set its labels: `conversation.labels` is the new set. */
  | "labels"
  /** Staff re-read the customer's platform profile: consoles read the conversation again. */
  | "profile";

/** Browser-notification data for an escalation (the console shows it with the Notification API). */
export interface EscalationNotification {
  title: string;
  body: string;
  /** Path in the web app. */
  url: string;
  /** Notifications with the same tag replace each other. */
  tag: string;
}

/** Events on the admin stream: always full conversation rows (the reference sent partial ones). */
export type AdminEvent =
  | { type: "conversation.created"; payload: { conversation: ConversationView } }
  | {
      type: "conversation.updated";
      payload: {
        conversation: ConversationView;
        change: ConversationChange;
        actorId: string | null;
      };
    }
  | {
      type: "conversation.escalated";
      payload: {
        conversation: ConversationView;
        reason: string;
        escalationType: string;
        /** The lines staff read about it (absent for escalations from before summaries). */
        summary: HandoffSummary | null;
        /** True for the reminder sent when nobody took over in time. */
        realert: boolean;
        notification: EscalationNotification;
      };
    }
  /** `message.attachments`: its files' views, when it carries files (see withAttachments). */
  | {
      type: "message.created";
      payload: { conversation: ConversationView; message: MessageWithAttachments };
    }
  /**
   * A channel message's delivery status changed (sent, failed with its error), or a staff note was edited
   * or deleted (`mentioned`: colleagues the edit mentions for the first time, to be told like a new note).
   */
  | {
      type: "message.updated";
      payload: {
        conversation: ConversationView;
        message: MessageWithAttachments;
        mentioned?: string[];
      };
    }
  /** The pipeline changed; `moved` counts conversations moved out of removed stages (boards reload). */
  | {
      type: "stages.updated";
      payload: {
        stages: PipelineStage[];
        version: number;
        moved: Record<string, number>;
        actorId: string;
      };
    }
  /**
   * Someone's action was just audited: open audit logs offer a refresh. Transient (never replayed) and
   * sent to owners and admins only, like the log itself.
   */
  | {
      type: "audit.appended";
      payload: {
        action: AuditAction;
        resourceType: AuditResourceType;
        resourceId: string;
        actorId: string;
      };
    }
  /** A staff member opened a conversation: their own consoles clear its unread mark. Transient. */
  | {
      type: "conversation.read";
      payload: { conversationId: string; userId: string; readAt: string };
    }
  /**
   * Erased (the right to erasure): consoles drop the row / leave the page. Transient: the event log
   * must not keep the erased ids, and a console that missed it no longer finds them on reload.
   */
  | { type: "conversation.deleted"; payload: { conversationId: string } }
  | { type: "contact.erased"; payload: { contactId: string } }
  /** A channel's token could not be refreshed or was revoked: fix it on the agent's Channels tab. */
  | { type: "channel.token_problem"; payload: TokenProblemEvent }
  | { type: "resync"; payload: Record<string, never> };

export type WithTime<T> = T & { at: string };

export async function publishChat(
  hub: EventHub,
  conversationId: string,
  event: ChatEvent,
): Promise<void> {
  await hub.publish(conversationStream(conversationId), event.type, event.payload);
}

export function publishChatTransient(
  hub: EventHub,
  conversationId: string,
  event: Extract<ChatEvent, { type: "reply.delta" | "reply.discarded" }>,
): Promise<void> {
  return hub.publishTransient(conversationStream(conversationId), event.type, event.payload);
}

export async function publishAdmin(
  hub: EventHub,
  event: Exclude<AdminEvent, { type: TransientAdminEvent }>,
): Promise<void> {
  await hub.publish(ADMIN_STREAM, event.type, event.payload);
}

type TransientAdminEvent =
  "audit.appended" | "conversation.read" | "conversation.deleted" | "contact.erased";

/** Managers-only hints: the admin subscription drops them for operators. */
export const MANAGERS_ONLY_ADMIN_EVENTS: ReadonlySet<AdminEvent["type"]> = new Set([
  "audit.appended",
  "channel.token_problem",
]);

export function publishAdminTransient(
  hub: EventHub,
  event: Extract<AdminEvent, { type: TransientAdminEvent }>,
): Promise<void> {
  return hub.publishTransient(ADMIN_STREAM, event.type, event.payload);
}
