"use client";

import { MAX_STAFF_NAME, MIN_PASSWORD } from "@agents-crm/config/staff";
import { useState, type FormEvent } from "react";
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
import { Button } from "~/ui/button";
import { Field } from "~/ui/field";
import { Select, TextInput } from "~/ui/inputs";
import { FormFooter } from "~/ui/form-footer";
import admin from "~/ui/admin-page.module.css";
import styles from "./users.module.css";

type FieldName = keyof NewUserInput;

const randomPassword = () => generatePassword((bytes) => crypto.getRandomValues(bytes));

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
  // Starts with a generated password (still editable): most admins keep it and hand it over.
  const [form, setForm] = useState<NewUserInput>(() => ({
    name: "",
    email: "",
    role: "operator",
    password: randomPassword(),
  }));
  const [submitted, setSubmitted] = useState(false);
  const create = trpc.users.create.useMutation({
    onSuccess: (user) => onCreated({ name: user.name, email: user.email, password: form.password }),
    onError: (error) => {
      if (isUnauthorized(error)) session.sessionLost();
    },
  });

  const local = validateNewUser(form);
  const server = issuesByPath(create.error);
  const problemText = (field: FieldName): string | null => {
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

  /** A field's error, under the test id the browser tests read it by. */
  const fieldState = (field: FieldName) => ({
    error: problemText(field),
    errorTestId: `user-${field}-problem`,
  });
  const set = (patch: Partial<NewUserInput>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length > 0) return;
    create.mutate({ ...form, name: form.name.trim(), email: form.email.trim() });
  };

  return (
    <form className={admin.panel} onSubmit={submit} noValidate data-testid="create-user-form">
      <h2>{t.create.title}</h2>
      <p className="muted">{t.create.hint}</p>
      <div className={styles.grid}>
        <Field label={t.create.name} {...fieldState("name")}>
          <TextInput
            value={form.name}
            autoComplete="off"
            maxLength={MAX_STAFF_NAME}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="user-name"
          />
        </Field>
        <Field label={t.create.email} {...fieldState("email")}>
          <TextInput
            type="email"
            value={form.email}
            autoComplete="off"
            onChange={(e) => set({ email: e.target.value })}
            data-testid="user-email"
          />
        </Field>
        <Field label={t.create.role} {...fieldState("role")}>
          <Select
            value={form.role}
            onChange={(e) => set({ role: roles.find((r) => r === e.target.value) ?? form.role })}
            data-testid="user-new-role"
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {common.roles[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t.create.password}
          hint={t.create.passwordHint(MIN_PASSWORD)}
          {...fieldState("password")}
        >
          <span className={styles.inline}>
            <TextInput
              type="text"
              value={form.password}
              autoComplete="new-password"
              spellCheck={false}
              onChange={(e) => set({ password: e.target.value })}
              data-testid="user-password"
            />
            <Button
              onClick={() => set({ password: randomPassword() })}
              data-testid="user-generate-password"
            >
              {t.create.generate}
            </Button>
          </span>
        </Field>
      </div>
      <FormFooter
        className={styles.buttons}
        error={general}
        errorTestId="create-user-error"
        cancelLabel={t.create.cancel}
        onCancel={onCancel}
        submitLabel={create.isPending ? t.create.submitting : t.create.submit}
        busy={create.isPending}
        submitTestId="user-create-submit"
      />
    </form>
  );
}
