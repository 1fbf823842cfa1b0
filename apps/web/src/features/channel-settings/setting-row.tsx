"use client";

import type { ChannelSettingStatus } from "@agents-crm/config/channel-settings";
import { useState, type FormEvent } from "react";
import { errorMessage, isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Badge } from "~/ui/badge";
import { Button } from "~/ui/button";
import { Field } from "~/ui/field";
import { TextInput } from "~/ui/inputs";
import admin from "~/ui/admin-page.module.css";
import { serverValueProblem, valueProblem, type ValueProblem } from "./value-problem";

/** One setting: which source is in effect, a write-only field, and removing the saved value. */
export function SettingRow({ status }: { status: ChannelSettingStatus }) {
  const t = useT("channelSettings");
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const [value, setValue] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ValueProblem | null>(null);
  const onSettled = (message: string) => () => {
    setValue("");
    setDone(message);
    void utils.channelSettings.get.invalidate();
  };
  const onError = (error: unknown) => {
    if (isUnauthorized(error)) sessionLost();
    else setProblem(serverValueProblem(error));
  };
  const set = trpc.channelSettings.set.useMutation({ onSuccess: onSettled(t.saved), onError });
  const clear = trpc.channelSettings.clear.useMutation({
    onSuccess: onSettled(t.cleared),
    onError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    set.reset();
    const local = valueProblem(status.name, value);
    setProblem(local);
    if (!local) set.mutate({ name: status.name, value });
  };
  const failure = set.error ?? clear.error;
  const problemText = problem
    ? problem.kind === "tooLong"
      ? t.problems.tooLong(problem.maximum)
      : t.problems[problem.kind]
    : failure
      ? errorMessage(failure, t.saveFailed)
      : null;

  return (
    <form
      className={admin.panel}
      onSubmit={submit}
      data-testid={`channel-setting-${status.name}`}
      aria-labelledby={`setting-${status.name}`}
    >
      <h2 id={`setting-${status.name}`}>{t.names[status.name]}</h2>
      <p>
        <Badge tone={status.source === "none" ? "warning" : "success"} wrap>
          {status.source === "env"
            ? t.source.env(status.variable)
            : status.source === "console"
              ? t.source.console
              : t.source.none}
        </Badge>
      </p>
      {status.source === "env" && status.storedInConsole && (
        <p className="muted">{t.source.shadowed}</p>
      )}
      <Field label={t.value} hint={t.valueHint} error={problemText}>
        <TextInput
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(null);
          }}
          data-testid={`channel-setting-value-${status.name}`}
        />
      </Field>
      <p>
        <Button type="submit" variant="primary" disabled={set.isPending || value.trim() === ""}>
          {set.isPending ? t.saving : t.save}
        </Button>{" "}
        {status.storedInConsole && (
          <Button
            type="button"
            variant="danger"
            disabled={clear.isPending}
            onClick={() => {
              setDone(null);
              clear.mutate({ name: status.name });
            }}
          >
            {t.clear}
          </Button>
        )}
      </p>
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
    </form>
  );
}
