import { TELEGRAM_BOT_TOKEN_PATTERN } from "@agents-crm/config/channels";
import { TWILIO_ACCOUNT_SID_PATTERN } from "@agents-crm/config/channel-settings";
import { TWILIO_WHATSAPP_SENDER, type WhatsAppProvider } from "@agents-crm/config/twilio";
import { apiIssues } from "~/features/console/api-error";
import type { BoundChannel, CreateBindingInput, UpdateBindingInput } from "./types";

export interface BindingForm {
  channelType: BoundChannel;
  /** WhatsApp only: Meta's Cloud API or Twilio. */
  provider: WhatsAppProvider;
  /** Instagram account id / WhatsApp phone number id / Twilio sender; Telegram takes it from the token. */
  accountId: string;
  /** Twilio only: the account SID, optional when Channel settings has one. */
  accountSid: string;
  accessToken: string;
  appSecret: string;
  username: string;
  /** Twilio, editing a binding with its own auth token: drop it for Channel settings'. */
  useSettingsAuthToken: boolean;
}

export type BindingField = "accountId" | "accountSid" | "accessToken" | "appSecret" | "username";
export type FormErrors = Partial<Record<BindingField, string>>;

export const emptyForm = (
  channelType: BoundChannel,
  provider: WhatsAppProvider = "meta",
): BindingForm => ({
  channelType,
  provider,
  accountId: "",
  accountSid: "",
  accessToken: "",
  appSecret: "",
  username: "",
  useSettingsAuthToken: false,
});

const NUMERIC_ID = /^\d{5,30}$/;

export type FormProblem =
  "required" | "telegramToken" | "numericId" | "twilioSender" | "twilioAccountSid";

export const isTwilioForm = (form: Pick<BindingForm, "channelType" | "provider">) =>
  form.channelType === "whatsapp" && form.provider === "twilio";

/**
 * Twilio: the sender as whatsapp:+E164; the SID and auth token may come from Channel settings
 * (`inherited` says which are there), so they are required only when it has none.
 */
function checkTwilio(
  form: BindingForm,
  mode: "create" | "update",
  inherited: { accountSid: boolean; authToken: boolean },
): Partial<Record<BindingField, FormProblem>> {
  const problems: Partial<Record<BindingField, FormProblem>> = {};
  const sender = form.accountId.trim();
  if (sender === "") problems.accountId = "required";
  else if (!TWILIO_WHATSAPP_SENDER.test(sender)) problems.accountId = "twilioSender";
  const sid = form.accountSid.trim();
  if (sid === "" && !inherited.accountSid) problems.accountSid = "required";
  else if (sid !== "" && !TWILIO_ACCOUNT_SID_PATTERN.test(sid)) {
    problems.accountSid = "twilioAccountSid";
  }
  // An existing binding keeps its stored token when the field is left empty.
  if (mode === "create" && form.accessToken.trim() === "" && !inherited.authToken) {
    problems.accessToken = "required";
  }
  return problems;
}

/** Client checks that save a round trip; the API re-checks everything and its errors win. */
export function checkForm(
  form: BindingForm,
  mode: "create" | "update",
  inherited: { accountSid: boolean; authToken: boolean } = { accountSid: false, authToken: false },
): Partial<Record<BindingField, FormProblem>> {
  if (isTwilioForm(form)) return checkTwilio(form, mode, inherited);
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
  if (isTwilioForm(form)) {
    const token = form.accessToken.trim();
    const accountSid = form.accountSid.trim();
    return {
      agentId,
      channelType: "whatsapp",
      channelAccountId: form.accountId.trim(),
      // Left out, the binding uses the account's credentials from Channel settings.
      ...(token ? { accessToken: token } : {}),
      metadata: { provider: "twilio", ...(accountSid ? { accountSid } : {}) },
      ...(username ? { channelUsername: username } : {}),
    };
  }
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

/**
 * Secrets are write-only: an empty field keeps what is stored. A Twilio binding's sender and account
 * SID are plain values and go as they stand (an empty SID: the channel settings' from now on).
 */
export function updateInput(
  bindingId: string,
  form: BindingForm,
  version: number,
): UpdateBindingInput {
  const token = form.accessToken.trim();
  const appSecret = form.appSecret.trim();
  const accountSid = form.accountSid.trim();
  return {
    bindingId,
    expectedVersion: version,
    channelUsername: form.username.trim().replace(/^@/, ""),
    ...(token ? { accessToken: token } : {}),
    ...(appSecret && form.channelType !== "telegram" && !isTwilioForm(form) ? { appSecret } : {}),
    ...(isTwilioForm(form)
      ? {
          ...(form.useSettingsAuthToken ? { accessToken: null } : {}),
          channelAccountId: form.accountId.trim(),
          metadata: { provider: "twilio", ...(accountSid ? { accountSid } : {}) },
        }
      : {}),
  };
}

/** Whether a saved change touches what Twilio or Meta checks, so the binding is verified again. */
export function credentialsChanged(
  form: BindingForm,
  current: { channelAccountId: string; metadata: Record<string, unknown> },
): boolean {
  if (form.accessToken.trim() !== "") return true;
  if (!isTwilioForm(form)) return false;
  if (form.useSettingsAuthToken) return true;
  const sid = typeof current.metadata.accountSid === "string" ? current.metadata.accountSid : "";
  return form.accountId.trim() !== current.channelAccountId || form.accountSid.trim() !== sid;
}

const FIELD_OF_INPUT: Record<string, BindingField> = {
  channelAccountId: "accountId",
  "metadata.accountSid": "accountSid",
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
