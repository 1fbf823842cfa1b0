import { z } from "zod";
import { ESCALATION_TYPES, type EscalationType, type ModelAnswer } from "../prompt/output-contract";
import { unwrapJsonFence } from "../providers/structured-output";

// Read leniently: a confidence of 1.2 or an unknown type is the model being sloppy, not malformed.
const answerShape = z.object({
  reply: z.string(),
  escalation: z.object({
    needed: z.boolean(),
    type: z.string(),
    reason: z.string().default(""),
    confidence: z.number().default(0.5),
    summary: z.string().default(""),
    handoff_reply: z.string().default(""),
  }),
  sources_used: z.array(z.string()).default([]),
  customer_name: z.string().optional().catch(undefined),
});

export type ParsedAnswer = { ok: true; answer: ModelAnswer } | { ok: false; problem: string };

function jsonObjectText(content: string): string {
  const text = unwrapJsonFence(content.trim());
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  return start >= 0 && end > start ? text.slice(start, end + 1) : text;
}

export function parseModelAnswer(content: string): ParsedAnswer {
  let json: unknown;
  try {
    json = JSON.parse(jsonObjectText(content));
  } catch {
    return { ok: false, problem: "the answer was not valid JSON" };
  }
  const parsed = answerShape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: `${issue?.path.join(".") || "answer"}: ${issue?.message ?? "invalid"}`,
    };
  }
  const { reply, escalation, sources_used, customer_name } = parsed.data;
  const known = (ESCALATION_TYPES as readonly string[]).includes(escalation.type);
  let type: EscalationType = known ? (escalation.type as EscalationType) : "custom";
  if (!escalation.needed) type = "none";
  else if (type === "none") type = "custom";
  if (!escalation.needed && reply.trim() === "")
    return { ok: false, problem: "reply: empty without an escalation" };
  const confidence = Number.isFinite(escalation.confidence)
    ? Math.min(1, Math.max(0, escalation.confidence))
    : 0.5;
  return {
    ok: true,
    answer: {
      reply,
      escalation: {
        needed: escalation.needed,
        type,
        reason: escalation.reason,
        confidence,
        summary: escalation.summary,
        handoff_reply: escalation.handoff_reply,
      },
      sources_used,
      ...(customer_name?.trim() ? { customer_name: customer_name.trim() } : {}),
    },
  };
}
