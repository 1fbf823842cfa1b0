import type { AgentConfig } from "@agents-crm/config/agent-config";
import { oneLine } from "./blocks";

const TYPE_MEANINGS = [
  "urgent — a possible emergency (severe pain, bleeding, breathing problems, loss of consciousness, a child or pregnancy at risk)",
  "medical — a question that needs a doctor: diagnosis, treatment, medicines, test results",
  "booking — the customer wants an appointment or a call back to arrange one",
  "repeat_patient — a returning patient asking about their own treatment or previous visit",
  "contact — the customer shared a phone number or e-mail so the team can reach them",
  "custom — anything else a human must handle (complaints, refunds, requests you cannot fulfil)",
];

const POLICY_WORDS: Record<string, string> = {
  handoff_or_book: "offer a booking or hand over to a human",
  advise_emergency_and_handoff: "advise emergency care, then hand over",
  handoff_only: "hand over to a human, do not answer yourself",
};

function policies(config: AgentConfig): [string, string][] {
  const escalation = config.escalation;
  const written = Object.entries(escalation.policies);
  if (written.length > 0) return written;
  return [
    ["medical questions", escalation.medical_question_policy],
    ["urgent cases", escalation.urgent_case_policy],
    ["repeat patients", escalation.repeat_patient_policy],
    ["pre-procedure questions", escalation.pre_procedure_policy],
  ];
}

/** The keyword lists of `escalation.triggers` (lists only; the reference also kept a phone regex there). */
export function triggerLists(config: AgentConfig): [string, string[]][] {
  return Object.entries(config.escalation.triggers).flatMap(
    ([name, value]): [string, string[]][] =>
      Array.isArray(value)
        ? [[name, value.filter((k): k is string => typeof k === "string" && k.trim() !== "")]]
        : [],
  );
}

export function escalationSection(config: AgentConfig): string {
  const lines = ["## Escalation", "Set escalation.needed to true, with the matching type, when:"];
  lines.push(...TYPE_MEANINGS.map((meaning) => `- ${meaning}`));
  if (!config.escalation.phone_detection.enabled) {
    lines.push("Phone numbers alone are not a reason to escalate for this clinic.");
  }
  for (const [type, instruction] of Object.entries(config.escalation.instructions)) {
    lines.push(`\n### ${oneLine(type)}`);
    if (instruction.description.trim()) lines.push(instruction.description.trim());
    for (const example of instruction.examples.slice(0, 3))
      lines.push(`- e.g. "${oneLine(example)}"`);
    if (instruction.guidance.trim()) lines.push(`Guidance: ${instruction.guidance.trim()}`);
  }
  lines.push("\nPolicies:");
  for (const [name, policy] of policies(config)) {
    lines.push(
      `- ${oneLine(name.replace(/_/g, " "))}: ${POLICY_WORDS[policy] ?? oneLine(policy.replace(/_/g, " "))}`,
    );
  }
  const hints = triggerLists(config).filter(([, keywords]) => keywords.length > 0);
  if (hints.length > 0) {
    lines.push("\nPhrases that usually signal an escalation (the clinic's own lists):");
    for (const [name, keywords] of hints) {
      lines.push(`- ${oneLine(name)}: ${keywords.slice(0, 10).map(oneLine).join(", ")}`);
    }
  }
  lines.push(
    "When an escalation is needed you stop answering the question yourself: a human colleague takes over.",
  );
  return lines.join("\n");
}
