"use client";

import { TextInput } from "~/ui/inputs";
import { Button } from "~/ui/button";
import { WEEKDAYS } from "@agents-crm/config/agent-config";
import { useState } from "react";
import { getAt, isPlainObject, textAt } from "./document-paths";
import { suggestAgentId } from "./new-agent";
import { badRanges, rangesToText, textToRanges } from "./text-lists";
import { useT } from "~/i18n/i18n-provider";
import { useAgentEditor } from "./editor-context";
import { CheckboxField, FieldFrame, ListField, TextField } from "./fields";
import { LocalizedTextField } from "./localized-text-field";
import styles from "./agents.module.css";

const WEEK = [...WEEKDAYS.slice(1), WEEKDAYS[0]] as const;

/** Documents from later reference versions name the profile fields differently; edit what is there. */
function nameKey(profile: unknown, preferred: string, alternative: string): string {
  return isPlainObject(profile) &&
    profile[preferred] === undefined &&
    profile[alternative] !== undefined
    ? alternative
    : preferred;
}

export function ProfileStep() {
  const t = useT("agents");
  const { draft, set, mode } = useAgentEditor();
  const profile = getAt(draft, ["profile"]);
  const doctorKey = nameKey(profile, "doctor_display_name", "agent_display_name");
  const clinicKey = nameKey(profile, "clinic_display_name", "company_display_name");
  const schedule = getAt(draft, ["working_hours", "schedule"]);
  const hasSchedule = isPlainObject(schedule) && Object.keys(schedule).length > 0;
  // The id follows the names until the admin types one of their own.
  const [idTyped, setIdTyped] = useState(mode === "edit");
  const suggestion = () =>
    suggestAgentId(textAt(draft, ["profile", clinicKey]), textAt(draft, ["profile", doctorKey]));
  const setName = (key: string, value: string) => {
    set(["profile", key], value);
    if (!idTyped) {
      const next = { ...(isPlainObject(profile) ? profile : {}), [key]: value };
      set(["agent_id"], suggestAgentId(textAt(next, [clinicKey]), textAt(next, [doctorKey])));
    }
  };

  return (
    <div className={styles.step}>
      <p className="muted">{t.profile.intro}</p>
      <div className={styles.grid2}>
        <NameField path={["profile", doctorKey]} label={t.profile.doctorName} onChange={setName} />
        <NameField path={["profile", clinicKey]} label={t.profile.clinicName} onChange={setName} />
      </div>
      <FieldFrame path={["agent_id"]} label={t.profile.agentId} hint={t.profile.agentIdHint}>
        {({ props }) => (
          <div className={styles.inputRow}>
            <TextInput
              {...props}
              type="text"
              value={textAt(draft, ["agent_id"])}
              readOnly={mode === "edit"}
              data-testid="field-agent_id"
              onChange={(event) => {
                setIdTyped(true);
                set(["agent_id"], event.target.value.trim());
              }}
            />
            {mode === "new" && (
              <Button
                onClick={() => {
                  setIdTyped(false);
                  set(["agent_id"], suggestion());
                }}
              >
                {t.profile.suggestId}
              </Button>
            )}
          </div>
        )}
      </FieldFrame>
      <div className={styles.grid2}>
        <TextField path={["profile", "specialty"]} label={t.profile.specialty} />
        <TextField
          path={["project"]}
          label={t.profile.project}
          hint={t.profile.projectHint}
          emptyRemoves
        />
      </div>
      <ListField
        path={["profile", "languages"]}
        label={t.profile.languages}
        hint={t.profile.languagesHint}
        separator="commas"
      />

      <fieldset className={styles.group}>
        <legend>{t.profile.hoursTitle}</legend>
        <TextField
          path={["working_hours", "timezone"]}
          label={t.profile.timezone}
          hint={t.profile.timezoneHint}
          placeholder="Asia/Dubai"
          emptyRemoves
        />
        <label className={styles.check}>
          <span>
            <input
              type="checkbox"
              checked={hasSchedule}
              data-testid="has-schedule"
              onChange={(event) =>
                set(
                  ["working_hours", "schedule"],
                  event.target.checked
                    ? Object.fromEntries(
                        WEEK.map((day) => [
                          day,
                          day === "sat" || day === "sun" ? [] : ["09:00-18:00"],
                        ]),
                      )
                    : {},
                )
              }
            />
            {t.profile.hasSchedule}
          </span>
        </label>
        {hasSchedule && (
          <div className={styles.week}>
            {WEEK.map((day) => (
              <DayField key={day} day={day} schedule={schedule} />
            ))}
          </div>
        )}
        <LocalizedTextField
          path={["working_hours", "after_hours_behavior", "message"]}
          label={t.profile.afterHours}
        />
        <CheckboxField
          path={["working_hours", "after_hours_behavior", "force_handoff_on_booking"]}
          label={t.profile.forceHandoff}
          fallback
        />
      </fieldset>
    </div>
  );
}

function NameField({
  path,
  label,
  onChange,
}: {
  path: ["profile", string];
  label: string;
  onChange: (key: string, value: string) => void;
}) {
  const { draft } = useAgentEditor();
  return (
    <FieldFrame path={path} label={label}>
      {({ props }) => (
        <TextInput
          {...props}
          type="text"
          value={textAt(draft, path)}
          data-testid={`field-profile.${path[1]}`}
          onChange={(event) => onChange(path[1], event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/** One weekday's ranges as text; the key keeps the spelling the document uses ("mon" or "Monday"). */
function DayField({ day, schedule }: { day: (typeof WEEK)[number]; schedule: unknown }) {
  const t = useT("agents");
  const { set } = useAgentEditor();
  const entries = isPlainObject(schedule) ? schedule : {};
  const key = Object.keys(entries).find((name) => name.toLowerCase().startsWith(day)) ?? day;
  const [text, setText] = useState(rangesToText(entries[key]));
  const bad = badRanges(text);
  return (
    <FieldFrame
      path={["working_hours", "schedule", key]}
      label={t.profile.days[day]}
      within
      extraError={bad.length > 0 ? t.profile.badRange(bad.join(", ")) : null}
    >
      {({ props }) => (
        <TextInput
          {...props}
          type="text"
          value={text}
          placeholder={t.profile.dayHint}
          data-testid={`field-working_hours.schedule.${day}`}
          onChange={(event) => {
            setText(event.target.value);
            set(["working_hours", "schedule", key], textToRanges(event.target.value));
          }}
        />
      )}
    </FieldFrame>
  );
}
