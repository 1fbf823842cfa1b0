/**
 * The audit log's vocabulary: what the API records and what the console's filters and sentences name.
 * One list, so an action added to the API fails the console's typecheck until it has words.
 */
export const AUDIT_ACTIONS = [
  "handoff",
  "return_to_ai",
  "close_conversation",
  "resolve",
  "reopen",
  "snooze",
  "send_message",
  "note.add",
  "note.update",
  "note.delete",
  "suggest_reply",
  "translate",
  "update_marketing_status",
  "assign",
  "agent.create",
  "agent.clone",
  "agent.update",
  "agent.delete",
  "agent.activate",
  "knowledge_gap.dismiss",
  "knowledge.create",
  "knowledge.update",
  "knowledge.delete",
  "knowledge.import_inline",
  "canned_response.create",
  "canned_response.update",
  "canned_response.delete",
  "binding.create",
  "binding.update",
  "binding.delete",
  "binding.verify",
  "notification.create",
  "notification.update",
  "notification.delete",
  "notification.test",
  "stages.update",
  "users.create",
  "users.update",
  "users.delete",
  "users.reset_password",
  "auth.login",
  "auth.logout",
  "auth.login_failed",
  "auth.change_password",
  "auth.otp_requested",
  "auth.otp_login",
  "replay_inbound_event",
  "realert",
  "conversation.labels",
  "contact.update",
  "contact.merge",
  "contact.unmerge",
  "contact.erase",
  "contact.export",
  "contact.import",
  "channel_settings.set",
  "channel_settings.clear",
  "conversation.refresh_profile",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESOURCE_TYPES = [
  "conversation",
  "agent",
  "admin_user",
  "channel_binding",
  "notification_config",
  "pipeline",
  "inbound_event",
  "canned_response",
  "contact",
  "channel_setting",
] as const;

export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

/** A free-text filter of the audit log (actor, resource id). */
export const MAX_AUDIT_FILTER = 200;
