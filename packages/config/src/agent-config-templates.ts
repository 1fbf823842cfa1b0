/**
 * Template ids in `prompts.templates`. The first five are the reference's; the rest are what this
 * product sends where the reference sent nothing (moderation, errors, after hours, unreadable media).
 */
export const ESCALATION_TEMPLATE_IDS = {
  urgent: "urgent_emergency_message",
  medical: "no_med_advice_offer_booking",
  booking: "ask_phone_for_booking",
  repeat_patient: "repeat_patient_handoff",
  contact: "handoff_after_phone_stop",
  moderation: "moderation_handoff",
  custom: "handoff_message",
} as const;

export const FALLBACK_TEMPLATE_IDS = {
  llmError: "llm_error_fallback",
  afterHours: "after_hours_message",
  unreadable: "unreadable_message_handoff",
} as const;

export type EscalationTemplateType = keyof typeof ESCALATION_TEMPLATE_IDS;

export const KNOWN_TEMPLATE_IDS: ReadonlySet<string> = new Set([
  ...Object.values(ESCALATION_TEMPLATE_IDS),
  ...Object.values(FALLBACK_TEMPLATE_IDS),
]);

/** `escalation.actions` event names and the escalation type each one stands for. */
export const ACTION_EVENTS: Record<string, EscalationTemplateType> = {
  on_urgent: "urgent",
  on_medical_question: "medical",
  on_booking_intent: "booking",
  on_repeat_patient: "repeat_patient",
  on_phone_received: "contact",
  on_moderation: "moderation",
  on_custom: "custom",
};
