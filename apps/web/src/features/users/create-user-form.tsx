"use client";

import { MAX_STAFF_NAME, MIN_PASSWORD } from "@agents-crm/config/staff";
import { useState, type FormEvent, type ReactNode } from "react";
import { isUnauthorized, issuesByPath } from "~/features/console/api-error";
import {
  assignableRoles,
  generatePassword,
  userErrorKind,
  validateNewUser,
  type NewUserInput,
} from "./user-rules";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import admin from "~/ui/admin-page.module.css";
import styles from "./users.module.css";

type Field = keyof NewUserInput;

/** Creates an account with an initial password the admin hands over; the password is shown once. */
export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: { name: string; email: string; password: string }) => void;
  onCancel: () => void;
}) {
  const t = useT("users");
  const common = useT("common");
  const session = useSession();
  const roles = assignableRoles(session.user.role);
  const [form, setForm] = useState<NewUserInput>({
    name: "",
    email: "",
    role: "operator",
    password: "",
  });
  const [submitted, setSubmitted] = useState(false);
  const create = trpc.users.create.useMutation({
    onSuccess: (user) => onCreated({ name: user.name, email: user.email, password: form.password }),
    onError: (error) => {
      if (isUnauthorized(error)) session.sessionLost();
    },
  });

  const local = validateNewUser(form);
  const server = issuesByPath(create.error);
  const problemText = (field: Field): string | null => {
    const problem = submitted ? local[field] : undefined;
    if (problem === "passwordTooShort") return t.create.problems.passwordTooShort(MIN_PASSWORD);
    if (problem) return t.create.problems[problem];
    return server[field] ?? null;
  };
  const kind = create.error ? userErrorKind(create.error, "create") : null;
  const general =
    kind && kind !== "other"
      ? t.errors[kind]
      : create.error && Object.keys(server).length === 0
        ? create.error.message || common.errors.generic
        : null;

  const set = (patch: Partial<NewUserInput>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length > 0) return;
    create.mutate({ ...form, name: form.name.trim(), email: form.email.trim() });
  };

  const field = (name: Field, label: string, input: ReactNode, hint?: string) => {
    const problem = problemText(name);
    return (
      <label className={styles.field}>
        <span>{label}</span>
        {input}
        {problem ? (
          <span
            className={styles.fieldError}
            id={`user-${name}-problem`}
            data-testid={`user-${name}-problem`}
          >
            {problem}
          </span>
        ) : (
          hint && <span className={styles.hint}>{hint}</span>
        )}
      </label>
    );
  };
  const invalid = (name: Field) => ({
    "aria-invalid": problemText(name) !== null,
    "aria-describedby": problemText(name) ? `user-${name}-problem` : undefined,
  });

  return (
    <form className={admin.panel} onSubmit={submit} noValidate data-testid="create-user-form">
      <h2>{t.create.title}</h2>
      <p className="muted">{t.create.hint}</p>
      <div className={styles.grid}>
        {field(
          "name",
          t.create.name,
          <input
            value={form.name}
            autoComplete="off"
            maxLength={MAX_STAFF_NAME}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="user-name"
            {...invalid("name")}
          />,
        )}
        {field(
          "email",
          t.create.email,
          <input
            type="email"
            value={form.email}
            autoComplete="off"
            onChange={(e) => set({ email: e.target.value })}
            data-testid="user-email"
            {...invalid("email")}
          />,
        )}
        {field(
          "role",
          t.create.role,
          <select
            value={form.role}
            onChange={(e) => set({ role: roles.find((r) => r === e.target.value) ?? form.role })}
            data-testid="user-new-role"
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {common.roles[role]}
              </option>
            ))}
          </select>,
        )}
        {field(
          "password",
          t.create.password,
          <span className={styles.inline}>
            <input
              type="text"
              value={form.password}
              autoComplete="new-password"
              spellCheck={false}
              onChange={(e) => set({ password: e.target.value })}
              data-testid="user-password"
              {...invalid("password")}
            />
            <button
              type="button"
              className={admin.button}
              onClick={() =>
                set({ password: generatePassword((bytes) => crypto.getRandomValues(bytes)) })
              }
              data-testid="user-generate-password"
            >
              {t.create.generate}
            </button>
          </span>,
          t.create.passwordHint(MIN_PASSWORD),
        )}
      </div>
      {general && (
        <p className={admin.error} role="alert" data-testid="create-user-error">
          {general}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="button" className={admin.button} onClick={onCancel}>
          {t.create.cancel}
        </button>
        <button
          type="submit"
          className={admin.primary}
          disabled={create.isPending}
          data-testid="user-create-submit"
        >
          {create.isPending ? t.create.submitting : t.create.submit}
        </button>
      </div>
    </form>
  );
}
