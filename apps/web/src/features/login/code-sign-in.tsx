"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { LOGIN_CODE_LENGTH } from "@agents-crm/config/login-codes";
import { formatRetryIn } from "~/features/console/api-error";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Field } from "~/ui/field";
import { TextInput } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { codeProblem, type CodeProblem } from "./code-problem";
import styles from "./login.module.css";
import { useRetryClock } from "./use-retry-clock";

/**
 * Sign-in by a one-time code: the e-mail first, then the code from the message. The first field of
 * each step takes the focus, so the whole path works from the keyboard. `next` is a same-origin path.
 */
export function CodeSignIn({
  next,
  email,
  onEmailChange,
}: {
  next: string;
  email: string;
  onEmailChange: (email: string) => void;
}) {
  const t = useT("login");
  const { locale } = useLocale();
  const [sentTo, setSentTo] = useState<{ email: string; minutes: number } | null>(null);
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<CodeProblem | null>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const onError = (error: Parameters<typeof codeProblem>[0]) =>
    setProblem(codeProblem(error, Date.now()));
  const request = trpc.auth.requestCode.useMutation({
    onSuccess: (answer, input) => {
      setSentTo({ email: input.email, minutes: answer.expiresInMinutes });
      setCode("");
    },
    onError,
  });
  const verify = trpc.auth.verifyCode.useMutation({
    // A full page load, so the WebSocket opens again with the new session cookie.
    onSuccess: () => window.location.assign(next),
    onError,
  });
  const retryAt = problem?.retryAt ?? null;
  const { now, throttled } = useRetryClock(retryAt);
  const step = sentTo ? "code" : "email";

  useEffect(() => {
    firstField.current?.focus();
  }, [step]);

  const send = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (throttled || request.isPending) return;
    setProblem(null);
    request.mutate({ email, language: locale });
  };
  const signIn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (throttled || verify.isPending || !sentTo) return;
    setProblem(null);
    verify.mutate({ email: sentTo.email, code });
  };

  const notice = problem && (
    <Notice tone="danger" id="code-problem" role="alert" data-testid="code-error">
      {t.code.problems[problem.reason]}
      {throttled && retryAt !== null && <> {formatRetryIn(retryAt, now, t)}</>}
    </Notice>
  );

  if (!sentTo) {
    return (
      <form
        className={styles.form}
        onSubmit={send}
        aria-describedby={problem ? "code-problem" : undefined}
        data-testid="code-request-form"
      >
        <p className={styles.intro}>{t.code.intro}</p>
        <Field label={t.email}>
          <TextInput
            ref={firstField}
            size="lg"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => {
              onEmailChange(e.target.value);
              if (problem?.retryAt) setProblem(null);
            }}
            data-testid="code-email"
          />
        </Field>
        {notice}
        <Button
          type="submit"
          variant="primary"
          size="lg"
          disabled={request.isPending || throttled}
          data-testid="code-send"
        >
          {request.isPending ? t.code.sending : t.code.send}
        </Button>
      </form>
    );
  }

  return (
    <form
      className={styles.form}
      onSubmit={signIn}
      aria-describedby={problem ? "code-problem" : undefined}
      data-testid="code-verify-form"
    >
      <Notice tone="info" role="status" data-testid="code-sent">
        {t.code.sent(sentTo.email, sentTo.minutes)}
      </Notice>
      <Field label={t.code.code}>
        <TextInput
          ref={firstField}
          size="lg"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 \-]*"
          maxLength={LOGIN_CODE_LENGTH + 4}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className={styles.code}
          data-testid="code-input"
        />
      </Field>
      {notice}
      <Button
        type="submit"
        variant="primary"
        size="lg"
        disabled={verify.isPending || throttled || verify.isSuccess}
        data-testid="code-submit"
      >
        {verify.isPending || verify.isSuccess ? t.code.submitting : t.code.submit}
      </Button>
      <div className={styles.links}>
        <Button
          variant="link"
          onClick={() => send()}
          disabled={request.isPending || throttled}
          data-testid="code-resend"
        >
          {request.isPending ? t.code.sending : t.code.resend}
        </Button>
        <Button
          variant="link"
          onClick={() => {
            setSentTo(null);
            setProblem(null);
          }}
          data-testid="code-change-email"
        >
          {t.code.changeEmail}
        </Button>
      </div>
    </form>
  );
}
