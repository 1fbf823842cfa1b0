import { z } from "zod";

export const ESCALATION_TYPES = [
  "urgent",
  "medical",
  "booking",
  "repeat_patient",
  "contact",
  "moderation",
  "custom",
  "none",
] as const;

export type EscalationType = (typeof ESCALATION_TYPES)[number];

/** What the model must answer; `reply` comes first so it can be streamed to the customer. */
export const modelAnswerSchema = z.strictObject({
  reply: z.string(),
  escalation: z.strictObject({
    needed: z.boolean(),
    type: z.enum(ESCALATION_TYPES),
    reason: z.string(),
    confidence: z.number(),
    summary: z.string(),
    handoff_reply: z.string(),
  }),
  sources_used: z.array(z.string()),
  /** The name the customer gives for themselves in these messages, else "" (fills their contact). */
  customer_name: z.string(),
});

/** `customer_name` may be missing from an answer (older prompts, the offline model): then it is absent. */
export type ModelAnswer = Omit<z.output<typeof modelAnswerSchema>, "customer_name"> & {
  customer_name?: string;
};

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

/** Sent as structured output (json_schema, strict). */
export const MODEL_ANSWER_FORMAT = { name: "agent_turn", schema: jsonSchemaOf(modelAnswerSchema) };

export const OUTPUT_CONTRACT = `## Answer format
Answer with ONE JSON object and nothing else, keys in this order:
{"reply": "...", "escalation": {"needed": false, "type": "none", "reason": "", "confidence": 0.0, "summary": "", "handoff_reply": ""}, "sources_used": [], "customer_name": ""}
- reply: your message to the customer — plain text without Markdown, in the customer's language.
- escalation.needed: true when a human colleague must take over (see the escalation rules); the
  customer then receives the clinic's handoff message instead of your reply, so keep it to one sentence.
- escalation.type: urgent, medical, booking, repeat_patient, contact, custom — or "none" when not needed.
- escalation.reason: a short reason for the staff, in English. escalation.confidence: 0 to 1.
- escalation.summary: when the conversation is handed over (you escalate, or rule_signals in
  <turn_context> is set), ONE line for the clinic's staff saying what the customer wants (their
  request, with any details they gave), in the first language under Languages in the profile; else "".
- escalation.handoff_reply: only when <turn_context> has handoff_templates and the conversation is
  handed over: the template listed for your escalation.type (or the only one listed), rewritten in
  the customer's language with the same meaning and nothing added; else "".
- sources_used: the ids of the knowledge excerpts your reply relies on (e.g. "S1"), or [].
- customer_name: the name the customer gives for themselves in their new message(s) ("I am Maria",
  "меня зовут Мария" → "Maria", "Мария"), as they wrote it; "" when they give none (never guess it
  from a signature, an e-mail address or someone else's name).`;
