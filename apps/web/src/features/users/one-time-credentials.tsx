"use client";

import { useT } from "~/i18n/i18n-provider";
import styles from "./users.module.css";

/** Sign-in details shown once (a new account, a reset password): the API never returns them again. */
export function OneTimeCredentials({
  email,
  password,
  passwordLabel,
}: {
  email: string;
  password: string;
  /** "Initial password" unless said (a reset gives a new one). */
  passwordLabel?: string;
}) {
  const t = useT("users");
  return (
    <>
      <p>{t.create.credentials}</p>
      <dl className={styles.credentials}>
        <dt>{t.create.email}</dt>
        <dd data-testid="created-email">{email}</dd>
        <dt>{passwordLabel ?? t.create.password}</dt>
        <dd data-testid="created-password">{password}</dd>
      </dl>
    </>
  );
}
