"use client";

import { Button } from "~/ui/button";
import {
  parseAgentConfig,
  SAFETY_NET_CATEGORIES,
  type AgentConfig,
} from "@agents-crm/config/agent-config";
import { useMemo } from "react";
import { pathKey } from "./document-paths";
import type { FieldIssue } from "./issues";
import { stepOfPath, type WizardStep } from "./wizard-steps";
import { useOfflineModel } from "~/features/console/use-offline-model";
import { useT } from "~/i18n/i18n-provider";
import { useAgentEditor } from "./editor-context";
import { RawEditor } from "./raw-editor";
import styles from "./agents.module.css";

export function ReviewStep({
  issues,
  onGoTo,
}: {
  /** Every issue of the draft (client and server), to list here whatever step it belongs to. */
  issues: FieldIssue[];
  onGoTo: (step: WizardStep) => void;
}) {
  const t = useT("agents");
  const { draft } = useAgentEditor();
  const parsed = useMemo(() => parseAgentConfig(draft), [draft]);
  const config: AgentConfig | null = parsed.ok ? parsed.config : null;
  const safetyNetSummary = (agent: AgentConfig) => {
    const off = SAFETY_NET_CATEGORIES.filter(
      (category) => !agent.escalation.safety_net.categories[category].enabled,
    );
    return off.length === 0
      ? t.review.safetyNetOn
      : t.review.safetyNetOff(off.map((category) => t.safetyNet.categories[category]).join("; "));
  };

  return (
    <div className={styles.step}>
      <p className="muted">{t.review.intro}</p>
      <section aria-labelledby="review-summary">
        <h3 id="review-summary">{t.review.summary}</h3>
        <dl className={styles.summary} data-testid="review-summary">
          <dt>{t.review.name}</dt>
          <dd>{config?.profile.doctor_display_name || t.review.none}</dd>
          <dt>{t.review.business}</dt>
          <dd>
            {config?.profile.clinic_display_name || t.review.none}
            {config?.profile.specialty ? ` · ${config.profile.specialty}` : ""}
          </dd>
          <dt>{t.review.languages}</dt>
          <dd>{config?.profile.languages.join(", ") || t.review.none}</dd>
          <dt>{t.review.model}</dt>
          <ModelSummary config={config} />
          <dt>{t.review.examples}</dt>
          <dd>{config?.prompts.examples.length ?? t.review.none}</dd>
          <dt>{t.review.documents}</dt>
          <dd>
            {config
              ? config.rag.sources.map((source) => source.title || source.id).join(", ") ||
                t.review.none
              : t.review.none}
          </dd>
          <dt>{t.review.escalation}</dt>
          <dd>
            {config
              ? t.review.escalationSummary(
                  Object.values(config.escalation.triggers).reduce<number>(
                    (sum, list) => sum + (Array.isArray(list) ? list.length : 0),
                    0,
                  ),
                  config.escalation.phone_detection.enabled,
                )
              : t.review.none}
          </dd>
          <dt>{t.review.safetyNet}</dt>
          <dd data-testid="review-safety-net">
            {config ? safetyNetSummary(config) : t.review.none}
          </dd>
        </dl>
      </section>
      {issues.length === 0 ? (
        <p className={styles.ok} data-testid="review-valid">
          {t.review.valid}
        </p>
      ) : (
        <div className={styles.problems} role="alert" data-testid="review-issues">
          <p>{t.review.invalid(issues.length)}</p>
          <ul>
            {issues.map((issue) => {
              const step = stepOfPath(issue.path);
              return (
                <li key={`${pathKey(issue.path)}:${issue.message}`}>
                  <code>{pathKey(issue.path)}</code> {issue.message}{" "}
                  {step !== "review" && (
                    <Button variant="link" onClick={() => onGoTo(step)}>
                      {t.review.goToStep(t.steps[step])}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {parsed.ok && parsed.warnings.length > 0 && (
        <div className={styles.warnings} data-testid="review-warnings">
          <p>{t.review.warnings}</p>
          <ul>
            {parsed.warnings.map((warning) => (
              <li key={warning.message}>{warning.message}</li>
            ))}
          </ul>
        </div>
      )}
      <RawEditor />
    </div>
  );
}

/** The draft's model, or the offline model that answers instead while the server has no LLM. */
function ModelSummary({ config }: { config: AgentConfig | null }) {
  const t = useT("agents");
  const offline = useOfflineModel();
  return (
    <dd data-testid="review-model" data-offline={offline ?? undefined}>
      {!config
        ? t.review.none
        : offline
          ? t.review.offlineModel(config.llm.model)
          : `${config.llm.model} · t=${config.llm.temperature}`}
    </dd>
  );
}
