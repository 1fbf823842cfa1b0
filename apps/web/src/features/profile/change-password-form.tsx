"use client";

import { MAX_PASSWORD, MIN_PASSWORD } from "@agents-crm/config/staff";
import { useEffect, useState, type FormEvent } from "react";
import { formatRetryIn } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Notice } from "~/ui/notice";
import admin from "~/ui/admin-page.module.css";
import {
  changeFailure,
  validatePasswordChange,
  type ChangeFailure,
  type PasswordChange,
  type PasswordProblem,
} from "./password-rules";
import { PasswordField } from "./password-field";
import styles from "./profile.module.css";

const EMPTY: PasswordChange = { current: "", next: "", confirm: "" };

/** Current, new and again; checked here by the shared rules, then by the API (current password, throttle). */
export function ChangePasswordForm() {
  const t = useT("profile").password;
  const common = useT("common");
  const session = useSession();
  const [form, setForm] = useState<PasswordChange>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [visible, setVisible] = useState(false);
  const [failure, setFailure] = useState<ChangeFailure | null>(null);
  const [changed, setChanged] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: ({ sessionsRevoked }) => {
      setForm(EMPTY);
      setSubmitted(false);
      setChanged(sessionsRevoked);
    },
    onError: (error) => {
      const found = changeFailure(error, Date.now());
      if (found.kind === "sessionLost") session.sessionLost();
      setFailure(found);
    },
  });

  const retryAt = failure?.kind === "throttled" ? failure.retryAt : null;
  const throttled = retryAt !== null && retryAt > now;
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  const local = submitted ? validatePasswordChange(form) : {};
  const words = (problem: PasswordProblem): string =>
    problem === "tooShort"
      ? t.problems.tooShort(MIN_PASSWORD)
      : problem === "tooLong"
        ? t.problems.tooLong(MAX_PASSWORD)
        : t.problems[problem];
  const problemOf = (field: keyof PasswordChange): string | null => {
    const problem = local[field];
    if (problem) return words(problem);
    if (field === "current" && failure?.kind === "wrongCurrent") return t.problems.wrongCurrent;
    if (field === "next" && failure?.kind === "newPassword") return words(failure.problem);
    return null;
  };
  const general =
    failure?.kind === "throttled"
      ? `${t.problems.throttled}${throttled && retryAt !== null ? ` ${formatRetryIn(retryAt, now, t)}` : ""}`
      : failure?.kind === "other"
        ? failure.message || common.errors.generic
        : null;

  const set = (patch: Partial<PasswordChange>) => {
    setForm((current) => ({ ...current, ...patch }));
    setChanged(null);
    if (failure?.kind !== "throttled") setFailure(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (throttled || change.isPending) return;
    if (Object.keys(validatePasswordChange(form)).length > 0) return;
    setFailure(null);
    change.mutate({ currentPassword: form.current, newPassword: form.next });
  };
  const type = visible ? "text" : "password";

  return (
    <form
      className={admin.panel}
      onSubmit={submit}
      noValidate
      aria-labelledby="change-password-title"
      data-testid="change-password-form"
    >
      <h2 id="change-password-title">{t.title}</h2>
      <p className="muted">{t.hint}</p>
      {/* For password managers: which account this new password belongs to. */}
      <input
        type="email"
        name="username"
        autoComplete="username"
        value={session.user.email}
        readOnly
        hidden
      />
      <div className={styles.fields}>
        <PasswordField
          label={t.current}
          name="current-password"
          autoComplete="current-password"
          testId="current-password"
          problemTestId="current-password-problem"
          type={type}
          value={form.current}
          problem={problemOf("current")}
          onChange={(current) => set({ current })}
        />
        <PasswordField
          label={t.next}
          hint={t.nextHint(MIN_PASSWORD)}
          name="new-password"
          autoComplete="new-password"
          testId="new-password"
          problemTestId="new-password-problem"
          type={type}
          value={form.next}
          problem={problemOf("next")}
          onChange={(next) => set({ next })}
        />
        <PasswordField
          label={t.confirm}
          name="confirm-password"
          autoComplete="new-password"
          testId="confirm-password"
          problemTestId="confirm-password-problem"
          type={type}
          value={form.confirm}
          problem={problemOf("confirm")}
          onChange={(confirm) => set({ confirm })}
        />
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={visible}
            onChange={(e) => setVisible(e.target.checked)}
            data-testid="show-passwords"
          />
          {t.show}
        </label>
      </div>
      {general && (
        <Notice tone="danger" role="alert" data-testid="change-password-error">
          {general}
        </Notice>
      )}
      {changed !== null && (
        <Notice tone="success" role="status" data-testid="password-changed">
          {t.changed(changed)}
        </Notice>
      )}
      <div className={styles.buttons}>
        <Button
          type="submit"
          variant="primary"
          disabled={change.isPending || throttled}
          data-testid="change-password-submit"
        >
          {change.isPending ? t.submitting : t.submit}
        </Button>
      </div>
    </form>
  );
}
