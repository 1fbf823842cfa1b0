"use client";

import { STYLE_LEVEL } from "@agents-crm/config/agent-config";
import { useT } from "~/i18n/i18n-provider";
import { CheckboxField, ListField, RangeField, SelectField, TextAreaField } from "./fields";
import styles from "./agents.module.css";

const TONES = ["friendly_professional", "formal", "casual", "warm"] as const;
const FORMALITY = ["formal", "semi_formal", "casual"] as const;
const LENGTHS = ["short", "short_to_medium", "medium", "long"] as const;
const PERSUASION = ["none", "soft", "moderate", "strong"] as const;
const RULES = [
  "no_diagnosis",
  "no_treatment_recommendations",
  "no_drug_advice",
  "no_test_interpretation",
  "no_pre_procedure_recommendations",
  "no_slot_selection",
  "no_repeat_patients",
] as const;

/** The style's choices: the document's key, its label's message, the values offered, the default. */
const CHOICES = [
  { key: "tone", label: "tone", values: TONES, fallback: "friendly_professional" },
  { key: "formality", label: "formality", values: FORMALITY, fallback: "semi_formal" },
  { key: "message_length", label: "messageLength", values: LENGTHS, fallback: "short_to_medium" },
  { key: "persuasion", label: "persuasion", values: PERSUASION, fallback: "soft" },
] as const;
const LEVELS = [
  { key: "empathy_level", label: "empathy", fallback: 7 },
  { key: "depth_level", label: "depth", fallback: 5 },
] as const;

export function StyleStep() {
  const t = useT("agents");
  const options = (values: readonly (keyof typeof t.style.options)[]) =>
    values.map((value) => ({ value, label: t.style.options[value] }));
  return (
    <div className={styles.step}>
      <p className="muted">{t.style.intro}</p>
      <div className={styles.grid2}>
        {CHOICES.map((choice) => (
          <SelectField
            key={choice.key}
            path={["style", choice.key]}
            label={t.style[choice.label]}
            options={options(choice.values)}
            fallback={choice.fallback}
            customLabel={t.style.custom}
          />
        ))}
        {LEVELS.map((level) => (
          <RangeField
            key={level.key}
            path={["style", level.key]}
            label={t.style[level.label]}
            fallback={level.fallback}
            format={(n) => t.style.outOf(n, STYLE_LEVEL.max)}
          />
        ))}
      </div>
      <TextAreaField
        path={["prompts", "system", "persona"]}
        label={t.style.persona}
        hint={t.style.personaHint}
        rows={5}
      />
      <TextAreaField
        path={["prompts", "system", "hard_rules"]}
        label={t.style.hardRules}
        rows={4}
      />
      <TextAreaField path={["prompts", "system", "goal"]} label={t.style.goal} rows={3} />
      <fieldset className={styles.group}>
        <legend>{t.style.restrictions}</legend>
        <div className={styles.grid2}>
          {RULES.map((rule) => (
            <CheckboxField
              key={rule}
              path={["restrictions", rule]}
              label={t.style.rules[rule]}
              fallback
            />
          ))}
        </div>
        <ListField
          path={["restrictions", "forbidden_claims"]}
          label={t.style.forbiddenClaims}
          hint={t.style.onePerLine}
        />
        <ListField
          path={["restrictions", "content_safety", "disallow"]}
          label={t.style.disallow}
          hint={t.style.onePerLine}
          rows={3}
        />
      </fieldset>
    </div>
  );
}
