"use client";

import { useState, type FormEvent } from "react";
import { formatRetryIn, loginProblem, type LoginProblem } from "~/features/console/api-error";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Field } from "~/ui/field";
import { TextInput } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import styles from "./login.module.css";
import { useRetryClock } from "./use-retry-clock";

/** E-mail and password. `next` is already a same-origin path (sanitised by the page). */
export function PasswordForm({
  next,
  email,
  onEmailChange,
}: {
  next: string;
  email: string;
  onEmailChange: (email: string) => void;
}) {
  const t = useT("login");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  const login = trpc.auth.login.useMutation({
    // A full page load, so the WebSocket opens again with the new session cookie.
    onSuccess: () => window.location.assign(next),
    onError: (error) => setProblem(loginProblem(error, Date.now())),
  });
  const retryAt = problem?.retryAt ?? null;
  const { now, throttled } = useRetryClock(retryAt);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (throttled || login.isPending) return;
    setProblem(null);
    login.mutate({ email, password });
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-describedby={problem ? "login-problem" : undefined}
    >
      <Field label={t.email}>
        <TextInput
          size="lg"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => {
            onEmailChange(e.target.value);
            // Sign-in is throttled per account (and address): another account may try at once.
            if (problem?.retryAt) setProblem(null);
          }}
          data-testid="login-email"
        />
      </Field>
      <Field label={t.password}>
        <TextInput
          size="lg"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="login-password"
        />
      </Field>
      {problem && (
        <Notice tone="danger" id="login-problem" role="alert" data-testid="login-error">
          {t.problems[problem.reason]}
          {throttled && retryAt !== null && <> {formatRetryIn(retryAt, now, t)}</>}
        </Notice>
      )}
      <Button
        type="submit"
        variant="primary"
        size="lg"
        disabled={login.isPending || throttled || login.isSuccess}
        data-testid="login-submit"
      >
        {login.isPending || login.isSuccess ? t.submitting : t.submit}
      </Button>
    </form>
  );
}
