"use client";

import { pathKey } from "./document-paths";
import type { FieldIssue } from "./issues";
import type { WizardStep } from "./wizard-steps";
import { useT } from "~/i18n/i18n-provider";
import styles from "./agents.module.css";

/** A step's problems at its top, so none hides below the fold (the fields show them too). */
export function StepIssues({ step, issues }: { step: WizardStep; issues: FieldIssue[] }) {
  const t = useT("agents");
  if (issues.length === 0 || step === "review") return null;
  return (
    <div className={styles.problems} data-testid="step-issues">
      <p>{t.editor.stepProblems}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${pathKey(issue.path)}:${issue.message}`}>
            <code>{pathKey(issue.path)}</code> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
