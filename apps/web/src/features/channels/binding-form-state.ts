import { TELEGRAM_BOT_TOKEN_PATTERN } from "@agents-crm/config/channels";
import { apiIssues } from "~/features/console/api-error";
import type { BoundChannel, CreateBindingInput, UpdateBindingInput } from "./types";

export interface BindingForm {
  channelType: BoundChannel;
  /** Instagram account id / WhatsApp phone number id; Telegram takes it from the token. */
  accountId: string;
  accessToken: string;
  appSecret: string;
  username: string;
}

export type BindingField = "accountId" | "accessToken" | "appSecret" | "username";
export type FormErrors = Partial<Record<BindingField, string>>;

export const emptyForm = (channelType: BoundChannel): BindingForm => ({
  channelType,
  accountId: "",
  accessToken: "",
  appSecret: "",
  username: "",
});

const NUMERIC_ID = /^\d{5,30}$/;

export type FormProblem = "required" | "telegramToken" | "numericId";

/** Client checks that save a round trip; the API re-checks everything and its errors win. */
export function checkForm(
  form: BindingForm,
  mode: "create" | "update",
): Partial<Record<BindingField, FormProblem>> {
  const problems: Partial<Record<BindingField, FormProblem>> = {};
  const token = form.accessToken.trim();
  if (mode === "create" && token === "") problems.accessToken = "required";
  else if (
    token !== "" &&
    form.channelType === "telegram" &&
    !TELEGRAM_BOT_TOKEN_PATTERN.test(token)
  )
    problems.accessToken = "telegramToken";
  if (mode === "create" && form.channelType !== "telegram") {
    const id = form.accountId.trim();
    if (id === "") problems.accountId = "required";
    else if (!NUMERIC_ID.test(id)) problems.accountId = "numericId";
  }
  return problems;
}

/** The bot id of a Telegram token, shown as the account before the binding exists. */
export function telegramBotId(token: string): string | null {
  return TELEGRAM_BOT_TOKEN_PATTERN.exec(token.trim())?.[1] ?? null;
}

export function createInput(agentId: string, form: BindingForm): CreateBindingInput {
  const username = form.username.trim().replace(/^@/, "");
  const appSecret = form.appSecret.trim();
  return {
    agentId,
    channelType: form.channelType,
    accessToken: form.accessToken.trim(),
    ...(form.channelType !== "telegram" ? { channelAccountId: form.accountId.trim() } : {}),
    ...(appSecret && form.channelType !== "telegram" ? { appSecret } : {}),
    ...(username ? { channelUsername: username } : {}),
  };
}

/** Secrets are write-only: an empty field keeps what is stored. */
export function updateInput(
  bindingId: string,
  form: BindingForm,
  version: number,
): UpdateBindingInput {
  const token = form.accessToken.trim();
  const appSecret = form.appSecret.trim();
  return {
    bindingId,
    expectedVersion: version,
    channelUsername: form.username.trim().replace(/^@/, ""),
    ...(token ? { accessToken: token } : {}),
    ...(appSecret && form.channelType !== "telegram" ? { appSecret } : {}),
  };
}

const FIELD_OF_INPUT: Record<string, BindingField> = {
  channelAccountId: "accountId",
  accessToken: "accessToken",
  appSecret: "appSecret",
  channelUsername: "username",
};

/** The API's field errors (`data.issues[].path`) on the form's fields; the rest stays a general error. */
export function serverFieldErrors(error: unknown): { fields: FormErrors; general: string | null } {
  const issues = apiIssues(error);
  const fields: FormErrors = {};
  const rest: string[] = [];
  for (const { path, message } of issues) {
    const field = FIELD_OF_INPUT[path];
    if (field) fields[field] ??= message;
    else rest.push(path ? `${path}: ${message}` : message);
  }
  if (rest.length > 0) return { fields, general: rest.join("; ") };
  const message = (error as { message?: unknown } | null)?.message;
  return {
    fields,
    general: issues.length === 0 && typeof message === "string" && message ? message : null,
  };
}
