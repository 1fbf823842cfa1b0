"use client";

import { useMemo, useState } from "react";
import type { AgentDraft } from "./use-agent-draft";
import { issuesByStep, visibleIssues, WIZARD_STEPS, type WizardStep } from "./wizard-steps";

/**
 * The wizard's current step and the steps the admin has been through: their client-side issues show
 * (all of them once Save was tried), the API's at once. Save goes to the first step with an issue
 * instead of saving a draft the schema refuses.
 */
export function useWizardSteps(
  mode: "new" | "edit",
  draft: AgentDraft,
  onSave: () => void,
  initialStep: WizardStep = "profile",
) {
  const [step, setStep] = useState<WizardStep>(initialStep);
  const [checked, setChecked] = useState<ReadonlySet<WizardStep>>(
    () => new Set(mode === "edit" ? WIZARD_STEPS : []),
  );
  const [blocked, setBlocked] = useState<number | null>(null);

  const clientByStep = useMemo(() => issuesByStep(draft.clientIssues), [draft.clientIssues]);
  const visible = useMemo(
    () => visibleIssues(draft.clientIssues, draft.state.serverIssues, checked),
    [draft.clientIssues, draft.state.serverIssues, checked],
  );
  const visibleByStep = useMemo(() => issuesByStep(visible), [visible]);

  const goTo = (next: WizardStep) => {
    setChecked((current) => new Set([...current, step]));
    setStep(next);
  };

  const save = () => {
    setChecked(new Set(WIZARD_STEPS));
    if (draft.clientIssues.length > 0) {
      setBlocked(draft.clientIssues.length);
      const first = WIZARD_STEPS.find((s) => clientByStep.has(s));
      if (first) setStep(first);
      return;
    }
    setBlocked(null);
    onSave();
  };

  return { step, goTo, save, blocked, visible, visibleByStep };
}
