import { startsWithPath, type DocPath } from "./document-paths";
import type { FieldIssue } from "./issues";

export const WIZARD_STEPS = [
  "profile",
  "style",
  "examples",
  "knowledge",
  "escalation",
  "model",
  "review",
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Which step edits which part of the document; the most specific prefix wins. */
const STEP_OF_PREFIX: readonly [DocPath, WizardStep][] = [
  [["agent_id"], "profile"],
  [["project"], "profile"],
  [["profile"], "profile"],
  [["working_hours"], "profile"],
  [["style"], "style"],
  [["prompts", "system"], "style"],
  [["restrictions"], "style"],
  [["prompts", "examples"], "examples"],
  [["rag"], "knowledge"],
  [["escalation"], "escalation"],
  [["handoff"], "escalation"],
  [["moderation"], "escalation"],
  [["prompts", "templates"], "escalation"],
  [["llm"], "model"],
  [["embeddings"], "model"],
  [["burst_window_ms"], "model"],
];

/** The step where a field is edited; anything without a form field is fixed in the raw editor. */
export function stepOfPath(path: DocPath): WizardStep {
  let best: { step: WizardStep; length: number } | null = null;
  for (const [prefix, step] of STEP_OF_PREFIX) {
    if (startsWithPath(path, prefix) && (!best || prefix.length > best.length)) {
      best = { step, length: prefix.length };
    }
  }
  return best?.step ?? "review";
}

export function issuesByStep(issues: readonly FieldIssue[]): Map<WizardStep, FieldIssue[]> {
  const out = new Map<WizardStep, FieldIssue[]>();
  for (const issue of issues) {
    const step = stepOfPath(issue.path);
    out.set(step, [...(out.get(step) ?? []), issue]);
  }
  return out;
}

export function nextStep(step: WizardStep, direction: 1 | -1): WizardStep | null {
  return WIZARD_STEPS[WIZARD_STEPS.indexOf(step) + direction] ?? null;
}

/**
 * The issues the form shows: the schema's only for steps the admin has been through (a blank new
 * agent is not a wall of red), the API's always (they answer a save the admin asked for).
 */
export function visibleIssues(
  clientIssues: readonly FieldIssue[],
  serverIssues: readonly FieldIssue[],
  checked: ReadonlySet<WizardStep>,
): FieldIssue[] {
  return [...clientIssues.filter((issue) => checked.has(stepOfPath(issue.path))), ...serverIssues];
}
