import { STAFF_HANDOFF_REASONS } from "@agents-crm/config/handoff-summary";
import type { audit } from "./messages";
import { auditTarget, record, text, type AuditTarget, type TargetLookups } from "./audit-target";
import type { AuditEntry } from "./types";

type AuditMessages = (typeof audit)["en"];

export interface SentenceLookups extends TargetLookups {
  stageName: (stageId: string) => string;
  roleName: (role: string) => string;
  channelName: (channel: string) => string;
}

/** A sentence split where the target's link goes; `target` is null when the sentence names none. */
export interface AuditSentence {
  before: string;
  target: AuditTarget | null;
  after: string;
  /** A second line: the reason of a rejection, the reason a sign-in failed. */
  note: string | null;
}

const PLACEHOLDER = "{target}";

function template(entry: AuditEntry, t: AuditMessages, lookups: SentenceLookups): string {
  const s = t.sentences;
  const oldValue = record(entry.oldValue);
  const newValue = record(entry.newValue);
  const meta = entry.metadata;
  switch (entry.action) {
    case "handoff":
      return s.handoff;
    case "return_to_ai":
      return s.return_to_ai;
    case "close_conversation":
      return s.close_conversation;
    case "resolve":
      return s.resolve;
    case "reopen":
      return s.reopen;
    case "snooze": {
      const until = text(newValue?.snoozedUntil);
      // The log reads in its own zone note; an instant in UTC is exact in any of them.
      return until ? s.snooze(`${until.slice(0, 16).replace("T", " ")} UTC`) : s.unsnooze;
    }
    case "send_message":
      return text(oldValue?.status) ? s.send_message_taking_over : s.send_message;
    case "note.add":
      return s.note_add;
    case "note.update":
      return s.note_update;
    case "note.delete":
      return s.note_delete;
    case "suggest_reply":
      return s.suggest_reply;
    case "translate":
      return s.translate;
    case "update_marketing_status": {
      const from = text(oldValue?.stage);
      const to = text(newValue?.stage);
      return s.update_marketing_status(
        from ? lookups.stageName(from) : "—",
        to ? lookups.stageName(to) : "—",
      );
    }
    case "assign": {
      const to = text(newValue?.assigneeName) ?? text(newValue?.assigneeId);
      return to ? s.assign(to) : s.unassign;
    }
    case "agent.create":
      return meta.via === "import" ? s.agent_import : s.agent_create;
    case "agent.clone":
      return s.agent_clone(text(meta.sourceAgentId) ?? "—");
    case "agent.update":
      return meta.via === "import" ? s.agent_overwrite : s.agent_update;
    case "agent.delete":
      return s.agent_delete;
    case "agent.activate":
      return s.agent_activate;
    case "knowledge_gap.dismiss":
      return s.knowledge_gap_dismiss(text(oldValue?.question) ?? "—");
    case "knowledge.create":
      return s.knowledge_create(text(newValue?.title) ?? "—");
    case "knowledge.update":
      return s.knowledge_update(text(newValue?.title) ?? text(oldValue?.title) ?? "—");
    case "knowledge.delete":
      return s.knowledge_delete(text(oldValue?.title) ?? "—");
    case "knowledge.import_inline":
      return s.knowledge_import_inline;
    case "canned_response.create":
      return s.canned_response_create;
    case "canned_response.update":
      return s.canned_response_update;
    case "canned_response.delete":
      return s.canned_response_delete;
    case "binding.create":
      return s.binding_create(lookups.channelName(text(meta.channelType) ?? "—"));
    case "binding.update":
      return s.binding_update;
    case "binding.delete":
      return s.binding_delete;
    case "binding.verify":
      return newValue?.isVerified === true ? s.binding_verify_ok : s.binding_verify_failed;
    case "notification.create":
      return s.notification_create;
    case "notification.update":
      return s.notification_update;
    case "notification.delete":
      return s.notification_delete;
    case "notification.test":
      return s.notification_test;
    case "stages.update":
      return s.stages_update;
    case "users.create":
      return s.users_create(lookups.roleName(text(newValue?.role) ?? "—"));
    case "users.update":
      return s.users_update;
    case "users.delete":
      return s.users_delete;
    case "users.reset_password":
      return s.users_reset_password;
    case "auth.login":
      return s.login;
    case "auth.logout":
      return s.logout;
    case "auth.login_failed":
      return s.login_failed;
    case "auth.change_password":
      return s.change_password;
    case "auth.otp_requested":
      return s.otp_requested;
    case "auth.otp_login":
      return s.otp_login;
    case "replay_inbound_event":
      return s.replay_inbound_event;
    case "realert": {
      const minutes = meta.waitingMinutes;
      return s.realert(typeof minutes === "number" ? String(minutes) : "—");
    }
    case "conversation.labels":
      return s.conversation_labels;
    case "contact.update":
      return s.contact_update;
    case "contact.merge":
      return s.contact_merge;
    case "contact.unmerge":
      return s.contact_unmerge;
    case "contact.erase": {
      const count = meta.conversations;
      return s.contact_erase(typeof count === "number" ? String(count) : "—");
    }
    case "contact.export":
      return s.contact_export;
    case "contact.import": {
      const rows = meta.rows;
      return s.contact_import(typeof rows === "number" ? String(rows) : "—");
    }
    case "channel_settings.set":
      return s.channel_settings_set;
    case "channel_settings.clear":
      return s.channel_settings_clear;
    case "conversation.refresh_profile":
      return s.refresh_profile;
    default:
      return s.other(entry.action);
  }
}

function note(entry: AuditEntry, t: AuditMessages): string | null {
  if (entry.action === "update_marketing_status") {
    const reason = text(record(entry.newValue)?.rejectionReason);
    return reason ? t.sentences.stage_reason(reason) : null;
  }
  if (entry.action === "handoff") {
    const reason = text(record(entry.newValue)?.handoffReason);
    return reason && reason !== STAFF_HANDOFF_REASONS.manual
      ? t.sentences.stage_reason(reason)
      : null;
  }
  if (entry.action === "auth.login_failed") return text(entry.metadata.reason);
  return null;
}

/** An audit entry in words, in the dictionary's language, with its target to link. */
export function auditSentence(
  entry: AuditEntry,
  t: AuditMessages,
  lookups: SentenceLookups,
): AuditSentence {
  const sentence = template(entry, t, lookups);
  const at = sentence.indexOf(PLACEHOLDER);
  const target = auditTarget(entry, t.targets, lookups);
  if (at < 0) return { before: sentence, target: null, after: "", note: note(entry, t) };
  return {
    before: sentence.slice(0, at),
    target,
    after: sentence.slice(at + PLACEHOLDER.length),
    note: note(entry, t),
  };
}

/** The same sentence as plain text (the target by its label), for the CSV and titles. */
export function sentenceText(sentence: AuditSentence): string {
  const main = `${sentence.before}${sentence.target?.label ?? ""}${sentence.after}`.trim();
  return sentence.note ? `${main}. ${sentence.note}` : main;
}
