"use client";

import { SAFETY_NET_CATEGORIES, type SafetyNetCategory } from "@agents-crm/config/agent-config";
import { Notice } from "~/ui/notice";
import { useT } from "~/i18n/i18n-provider";
import { getAt } from "./document-paths";
import { useAgentEditor } from "./editor-context";
import { CheckboxField, ListField } from "./fields";
import styles from "./agents.module.css";

const pathOf = (category: SafetyNetCategory, key: string) => [
  "escalation",
  "safety_net",
  "categories",
  category,
  key,
];

/** The built-in net: always on, tuned per category; a category switched off says so where it is edited. */
export function SafetyNetSection() {
  const t = useT("agents").safetyNet;
  const { draft } = useAgentEditor();
  return (
    <fieldset className={styles.group} data-testid="safety-net">
      <legend>{t.title}</legend>
      <p className={styles.hint}>{t.hint}</p>
      {SAFETY_NET_CATEGORIES.map((category) => {
        const off = getAt(draft, pathOf(category, "enabled")) === false;
        return (
          <details key={category} className={styles.details} open={off}>
            <summary>
              {t.categories[category]}
              {off && ` · ${t.offShort}`}
            </summary>
            <CheckboxField path={pathOf(category, "enabled")} label={t.enabled} fallback />
            {off && (
              <Notice tone="warning" role="status" data-testid={`safety-net-off-${category}`}>
                {t.off}
              </Notice>
            )}
            <div className={styles.grid2}>
              <ListField path={pathOf(category, "extra_keywords")} label={t.extra} rows={3} />
              <ListField path={pathOf(category, "ignore_keywords")} label={t.ignore} rows={3} />
            </div>
          </details>
        );
      })}
    </fieldset>
  );
}
