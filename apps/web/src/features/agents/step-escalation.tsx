"use client";

import {
  ESCALATION_TEMPLATE_IDS,
  FALLBACK_TEMPLATE_IDS,
  MODERATION_MODES,
} from "@agents-crm/config/agent-config";
import { getAt, isPlainObject } from "./document-paths";
import { useT } from "~/i18n/i18n-provider";
import { useAgentEditor } from "./editor-context";
import { CheckboxField, ListField, SelectField, TextAreaField, TextField } from "./fields";
import { LocalizedTextField } from "./localized-text-field";
import { SafetyNetSection } from "./step-safety-net";
import styles from "./agents.module.css";

const POLICIES = [
  "medical_question_policy",
  "urgent_case_policy",
  "repeat_patient_policy",
  "pre_procedure_policy",
] as const;
const POLICY_DEFAULTS: Record<(typeof POLICIES)[number], string> = {
  medical_question_policy: "handoff_or_book",
  urgent_case_policy: "advise_emergency_and_handoff",
  repeat_patient_policy: "handoff_only",
  pre_procedure_policy: "handoff_only",
};
const POLICY_OPTIONS = [
  "handoff_or_book",
  "advise_emergency_and_handoff",
  "handoff_only",
  "continue_with_warning",
] as const;
const TRIGGER_LISTS = [
  "urgent_keywords",
  "medical_question_keywords",
  "repeat_patient_keywords",
  "booking_keywords",
] as const;
const INSTRUCTION_TYPES = ["urgent", "medical", "booking", "repeat_patient"] as const;
const TEMPLATE_IDS = [
  ...Object.values(ESCALATION_TEMPLATE_IDS),
  FALLBACK_TEMPLATE_IDS.llmError,
  FALLBACK_TEMPLATE_IDS.unreadable,
] as const;

export function EscalationStep() {
  const t = useT("agents");
  return (
    <div className={styles.step}>
      <p className="muted">{t.escalation.intro}</p>
      <DetectionSection />
      <TriggersSection />
      <SafetyNetSection />
      <InstructionsSection />
      <PoliciesSection />
      <TemplatesSection />
      <ModerationSection />
    </div>
  );
}

/** Trigger lists the document already has under other names: they stay editable too. */
function otherTriggerLists(triggers: unknown): string[] {
  return isPlainObject(triggers)
    ? Object.keys(triggers).filter(
        (name) =>
          Array.isArray(triggers[name]) && !(TRIGGER_LISTS as readonly string[]).includes(name),
      )
    : [];
}

/** Which contacts and messages escalate, and whether the AI stops after a handoff. */
function DetectionSection() {
  const t = useT("agents");
  return (
    <fieldset className={styles.group}>
      <legend>{t.escalation.detection}</legend>
      <CheckboxField
        path={["escalation", "phone_detection", "enabled"]}
        label={t.escalation.phone}
        fallback
      />
      <CheckboxField
        path={["escalation", "phone_detection", "escalate_on_email"]}
        label={t.escalation.email}
        fallback
      />
      <div className={styles.grid2}>
        <TextField
          path={["escalation", "phone_detection", "default_country"]}
          label={t.escalation.country}
          hint={t.escalation.countryHint}
          placeholder="AE"
          emptyRemoves
        />
        <SelectField
          path={["escalation", "on_unreadable_message"]}
          label={t.escalation.unreadable}
          options={(["handoff", "ignore"] as const).map((value) => ({
            value,
            label: t.escalation.unreadableOptions[value],
          }))}
          fallback="handoff"
        />
      </div>
      <CheckboxField
        path={["escalation", "read_photos"]}
        label={t.escalation.readPhotos}
        fallback
      />
      <CheckboxField
        path={["handoff", "stop_ai_after_handoff"]}
        label={t.escalation.stopAi}
        fallback
      />
    </fieldset>
  );
}

/** The keyword lists that escalate, with any list the document has under another name. */
function TriggersSection() {
  const t = useT("agents");
  const { draft } = useAgentEditor();
  const otherLists = otherTriggerLists(getAt(draft, ["escalation", "triggers"]));
  return (
    <fieldset className={styles.group}>
      <legend>{t.escalation.triggers}</legend>
      <p className={styles.hint}>{t.escalation.triggersHint}</p>
      <div className={styles.grid2}>
        {TRIGGER_LISTS.map((name) => (
          <ListField
            key={name}
            path={["escalation", "triggers", name]}
            label={t.escalation.triggerNames[name]}
          />
        ))}
        {otherLists.map((name) => (
          <ListField key={name} path={["escalation", "triggers", name]} label={name} />
        ))}
      </div>
    </fieldset>
  );
}

/** What the model is told about each escalation type. */
function InstructionsSection() {
  const t = useT("agents");
  return (
    <fieldset className={styles.group}>
      <legend>{t.escalation.instructions}</legend>
      {INSTRUCTION_TYPES.map((type) => (
        <details key={type} className={styles.details}>
          <summary>{t.escalation.instructionFor(t.escalation.types[type])}</summary>
          <TextAreaField
            path={["escalation", "instructions", type, "description"]}
            label={t.escalation.description}
            rows={2}
          />
          <ListField
            path={["escalation", "instructions", type, "examples"]}
            label={t.escalation.instructionExamples}
            rows={3}
          />
          <TextAreaField
            path={["escalation", "instructions", type, "guidance"]}
            label={t.escalation.guidance}
            rows={2}
          />
        </details>
      ))}
    </fieldset>
  );
}

/** What happens on each kind of escalation. */
function PoliciesSection() {
  const t = useT("agents");
  return (
    <fieldset className={styles.group}>
      <legend>{t.escalation.policies}</legend>
      <div className={styles.grid2}>
        {POLICIES.map((policy) => (
          <SelectField
            key={policy}
            path={["escalation", policy]}
            label={t.escalation.policyNames[policy]}
            options={POLICY_OPTIONS.map((value) => ({
              value,
              label: t.escalation.policyOptions[value],
            }))}
            fallback={POLICY_DEFAULTS[policy]}
            customLabel={t.style.custom}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** The texts customers get when a conversation escalates or the agent cannot answer. */
function TemplatesSection() {
  const t = useT("agents");
  return (
    <fieldset className={styles.group}>
      <legend>{t.escalation.templates}</legend>
      <p className={styles.hint}>{t.escalation.templatesHint}</p>
      <div className={styles.grid2}>
        {TEMPLATE_IDS.map((id) => (
          <LocalizedTextField
            key={id}
            path={["prompts", "templates", id]}
            label={t.escalation.templateNames[id]}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Moderation of what customers send and what the agent answers. */
function ModerationSection() {
  const t = useT("agents");
  return (
    <fieldset className={styles.group}>
      <legend>{t.escalation.moderation}</legend>
      <CheckboxField
        path={["moderation", "enabled"]}
        label={t.escalation.moderationEnabled}
        fallback
      />
      <div className={styles.grid2}>
        <SelectField
          path={["moderation", "mode"]}
          label={t.escalation.moderationMode}
          options={MODERATION_MODES.map((value) => ({
            value,
            label: t.escalation.modes[value],
          }))}
          fallback="pre_and_post"
        />
        <ListField
          path={["moderation", "categories"]}
          label={t.escalation.categories}
          hint={t.escalation.categoriesHint}
          separator="commas"
        />
      </div>
    </fieldset>
  );
}
