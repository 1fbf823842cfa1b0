"use client";

import { Button } from "~/ui/button";
import type { ReactNode } from "react";
import type { DocPath } from "./document-paths";
import { useFocusOnMount } from "./use-focus-on-mount";
import { issuesAt as issuesAtPath } from "./issues";
import { nextStep, WIZARD_STEPS, type WizardStep } from "./wizard-steps";
import { useT } from "~/i18n/i18n-provider";
import { AgentEditorContext, type AgentEditor } from "./editor-context";
import { ExamplesStep } from "./step-examples";
import { EscalationStep } from "./step-escalation";
import { KnowledgeStep } from "./step-knowledge";
import { ModelStep } from "./step-model";
import { ProfileStep } from "./step-profile";
import { ReviewStep } from "./step-review";
import { StepIssues } from "./step-issues";
import { StyleStep } from "./step-style";
import type { AgentDraft } from "./use-agent-draft";
import { useWizardSteps } from "./use-wizard-steps";
import styles from "./agents.module.css";

/**
 * The steps of an agent's settings over one draft. Client-side issues show for the steps the admin has
 * been through (and all of them once they try to save); the API's issues show at once.
 */
export function AgentWizard({
  mode,
  draft,
  onSave,
  saving,
  saveBar,
  opening,
}: {
  mode: "new" | "edit";
  draft: AgentDraft;
  /** Called with a draft that passes the schema. */
  onSave: () => void;
  saving: boolean;
  /** Status, errors and extra buttons next to Save. */
  saveBar: ReactNode;
  /** Where the wizard opens (mounted anew for each request): a step, and a field to put the caret in. */
  opening?: { step: WizardStep; focus?: DocPath };
}) {
  const t = useT("agents");
  const { step, goTo, save, blocked, visible, visibleByStep } = useWizardSteps(
    mode,
    draft,
    onSave,
    opening?.step,
  );
  useFocusOnMount(opening?.focus);

  const editor: AgentEditor = {
    mode,
    draft: draft.state.draft,
    set: draft.set,
    replace: draft.replace,
    issuesAt: (path, within) => issuesAtPath(visible, path, within),
  };
  const index = WIZARD_STEPS.indexOf(step);
  const previous = nextStep(step, -1);
  const following = nextStep(step, 1);

  return (
    <AgentEditorContext.Provider value={editor}>
      <div className={styles.wizard}>
        <Stepper step={step} invalidSteps={visibleByStep} onGoTo={goTo} />
        <section
          className={styles.stepBody}
          aria-labelledby="wizard-step-title"
          data-testid={`wizard-step-${step}`}
        >
          <p className={styles.stepCount}>{t.editor.stepOf(index + 1, WIZARD_STEPS.length)}</p>
          <h2 id="wizard-step-title">{t.steps[step]}</h2>
          <StepIssues step={step} issues={visibleByStep.get(step) ?? []} />
          {/* Keyed by revision: fields with their own text start over when the draft is replaced. */}
          <div key={draft.revision}>
            {step === "profile" && <ProfileStep />}
            {step === "style" && <StyleStep />}
            {step === "examples" && <ExamplesStep />}
            {step === "knowledge" && <KnowledgeStep />}
            {step === "escalation" && <EscalationStep />}
            {step === "model" && <ModelStep />}
          </div>
          {/* Not keyed: the raw editor follows the draft itself and keeps its format and text. */}
          {step === "review" && (
            <ReviewStep
              issues={[...draft.clientIssues, ...draft.state.serverIssues]}
              onGoTo={goTo}
            />
          )}
        </section>
        <div className={styles.saveBar}>
          <div className={styles.wizardNav}>
            <Button
              disabled={!previous}
              onClick={() => previous && goTo(previous)}
              data-testid="wizard-previous"
            >
              ← {t.editor.previous}
            </Button>
            <Button
              disabled={!following}
              onClick={() => following && goTo(following)}
              data-testid="wizard-next"
            >
              {t.editor.next} →
            </Button>
          </div>
          <Button
            variant="primary"
            onClick={save}
            disabled={saving || (mode === "edit" && !draft.dirty)}
            data-testid="agent-save"
          >
            {saving ? t.editor.saving : mode === "new" ? t.editor.create : t.editor.save}
          </Button>
          {blocked !== null && draft.clientIssues.length > 0 && (
            <p className={styles.fieldError} role="alert" data-testid="save-blocked">
              {t.editor.fixFirst(draft.clientIssues.length)}
            </p>
          )}
          {saveBar}
        </div>
      </div>
    </AgentEditorContext.Provider>
  );
}

/** The steps as buttons: the current one marked, the ones with issues flagged "!". */
function Stepper({
  step,
  invalidSteps,
  onGoTo,
}: {
  step: WizardStep;
  invalidSteps: ReadonlyMap<WizardStep, unknown>;
  onGoTo: (step: WizardStep) => void;
}) {
  const t = useT("agents");
  return (
    <nav aria-label={t.editor.steps}>
      <ol className={styles.stepper}>
        {WIZARD_STEPS.map((s, n) => {
          const invalid = invalidSteps.has(s);
          return (
            <li key={s}>
              <button
                type="button"
                aria-current={s === step ? "step" : undefined}
                data-invalid={invalid || undefined}
                data-testid={`step-${s}`}
                onClick={() => onGoTo(s)}
              >
                <span className={styles.stepNumber} aria-hidden>
                  {invalid ? "!" : n + 1}
                </span>
                {t.steps[s]}
                {invalid && <span className="sr-only"> ({t.editor.hasErrors})</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
