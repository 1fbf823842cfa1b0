"use client";

import { HISTORY_MESSAGES, MODEL_DEFAULTS } from "@agents-crm/config/agent-config";
import { useOfflineModel } from "~/features/console/use-offline-model";
import { useT } from "~/i18n/i18n-provider";
import { Notice } from "~/ui/notice";
import { NumberField, TextField } from "./fields";
import styles from "./agents.module.css";

const MODEL_SUGGESTIONS = [
  "gpt-4o-mini",
  "gpt-4o",
  "gpt-4.1",
  "gpt-4.1-mini",
  "gpt-5",
  "gpt-5-mini",
  "gpt-5-nano",
];

/** The model's numbers: where each sits in the document, its label, its hint, the API's default. */
const LIMITS = [
  {
    path: ["llm", "temperature"],
    label: "temperature",
    hint: "temperatureHint",
    fallback: MODEL_DEFAULTS.temperature,
  },
  {
    path: ["llm", "max_output_tokens"],
    label: "maxTokens",
    hint: null,
    fallback: MODEL_DEFAULTS.max_output_tokens,
  },
  { path: ["llm", "timeout"], label: "timeout", hint: null, fallback: MODEL_DEFAULTS.timeout },
  {
    path: ["llm", "max_history_messages"],
    label: "history",
    hint: null,
    fallback: MODEL_DEFAULTS.max_history_messages,
  },
  {
    path: ["burst_window_ms"],
    label: "burst",
    hint: "burstHint",
    fallback: MODEL_DEFAULTS.burst_window_ms,
  },
] as const;

export function ModelStep() {
  const t = useT("agents");
  const offline = useOfflineModel();
  return (
    <div className={styles.step}>
      <p className="muted">{t.model.intro}</p>
      {offline && (
        <Notice role="status" data-testid="model-offline-notice">
          {t.model.offlineNotice}
        </Notice>
      )}
      <TextField
        path={["llm", "model"]}
        label={t.model.model}
        hint={t.model.modelHint}
        placeholder="gpt-4o-mini"
        list="agent-model-suggestions"
        emptyRemoves
      />
      <datalist id="agent-model-suggestions">
        {MODEL_SUGGESTIONS.map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      <div className={styles.grid2}>
        {LIMITS.map((limit) => {
          const label = t.model[limit.label];
          return (
            <NumberField
              key={limit.path.join(".")}
              path={limit.path}
              label={typeof label === "function" ? label(HISTORY_MESSAGES) : label}
              hint={limit.hint ? t.model[limit.hint] : undefined}
              placeholder={t.model.defaultValue(String(limit.fallback))}
            />
          );
        })}
      </div>
    </div>
  );
}
