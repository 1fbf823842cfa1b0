"use client";

import { useT } from "~/i18n/i18n-provider";
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

export function ModelStep() {
  const t = useT("agents");
  return (
    <div className={styles.step}>
      <p className="muted">{t.model.intro}</p>
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
        <NumberField
          path={["llm", "temperature"]}
          label={t.model.temperature}
          hint={t.model.temperatureHint}
          placeholder={t.model.defaultValue("0.2")}
        />
        <NumberField
          path={["llm", "max_output_tokens"]}
          label={t.model.maxTokens}
          placeholder={t.model.defaultValue("600")}
        />
        <NumberField
          path={["llm", "timeout"]}
          label={t.model.timeout}
          placeholder={t.model.defaultValue("30")}
        />
        <NumberField
          path={["llm", "max_history_messages"]}
          label={t.model.history}
          placeholder={t.model.defaultValue("30")}
        />
        <NumberField
          path={["burst_window_ms"]}
          label={t.model.burst}
          hint={t.model.burstHint}
          placeholder={t.model.defaultValue("1500")}
        />
      </div>
    </div>
  );
}
