"use client";

import {
  MAX_EXAMPLE_AGENT_RESPONSE,
  MAX_EXAMPLE_USER_MESSAGE,
} from "@agents-crm/config/agent-config";
import { Button } from "~/ui/button";
import { getAt, isPlainObject } from "./document-paths";
import { useT } from "~/i18n/i18n-provider";
import { useAgentEditor } from "./editor-context";
import { SelectField, TextAreaField } from "./fields";
import admin from "~/ui/admin-page.module.css";
import styles from "./agents.module.css";

const MAX_EXAMPLES = 7;
const CATEGORIES = ["booking", "info", "hours", "custom"] as const;
/** An example's two texts: what the customer writes, then what the agent answers. */
const EXAMPLE_TEXTS = [
  { key: "user_message", label: "user", rows: 2, maxLength: MAX_EXAMPLE_USER_MESSAGE },
  { key: "agent_response", label: "agent", rows: 3, maxLength: MAX_EXAMPLE_AGENT_RESPONSE },
] as const;

export function ExamplesStep() {
  const t = useT("agents");
  const { draft, set, issuesAt } = useAgentEditor();
  const raw = getAt(draft, ["prompts", "examples"]);
  const examples = (Array.isArray(raw) ? raw : []) as unknown[];
  const listIssues = issuesAt(["prompts", "examples"]);
  const ids = new Set(examples.map((example) => (isPlainObject(example) ? example.id : null)));
  const freshId = () => {
    for (let n = examples.length + 1; ; n++) if (!ids.has(`example_${n}`)) return `example_${n}`;
  };

  return (
    <div className={styles.step}>
      <p className="muted">{t.examples.intro}</p>
      {listIssues.length > 0 && (
        <ul className={styles.fieldError} data-testid="error-prompts.examples">
          {listIssues.map((issue) => (
            <li key={issue.message}>{issue.message}</li>
          ))}
        </ul>
      )}
      {examples.length === 0 && <p className={admin.empty}>{t.examples.empty}</p>}
      <ol className={styles.items}>
        {examples.map((example, index) => (
          <li key={index} className={styles.item} data-testid="example">
            <div className={styles.itemHead}>
              <h3>{t.examples.item(index + 1)}</h3>
              <Button
                variant="link"
                onClick={() =>
                  set(
                    ["prompts", "examples"],
                    examples.filter((_, other) => other !== index),
                  )
                }
              >
                {t.examples.remove}
              </Button>
            </div>
            {EXAMPLE_TEXTS.map(({ key, label, rows, maxLength }) => (
              <TextAreaField
                key={key}
                path={["prompts", "examples", index, key]}
                label={t.examples[label]}
                rows={rows}
                maxLength={maxLength}
                counter={t.examples.chars}
              />
            ))}
            <SelectField
              path={["prompts", "examples", index, "category"]}
              label={t.examples.category}
              options={CATEGORIES.map((value) => ({ value, label: t.examples.categories[value] }))}
              allowNone={t.examples.noCategory}
            />
          </li>
        ))}
      </ol>
      <div className={styles.inline}>
        <Button
          disabled={examples.length >= MAX_EXAMPLES}
          data-testid="add-example"
          onClick={() =>
            set(
              ["prompts", "examples"],
              [...examples, { id: freshId(), user_message: "", agent_response: "" }],
            )
          }
        >
          {t.examples.add}
        </Button>
        {examples.length >= MAX_EXAMPLES && <span className="muted">{t.examples.limit}</span>}
      </div>
    </div>
  );
}
