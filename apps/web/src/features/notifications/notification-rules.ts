import { TELEGRAM_BOT_TOKEN_PATTERN } from "@agents-crm/config/channels";
import {
  MAX_NOTIFICATION_DESCRIPTION,
  TELEGRAM_CHAT_ID_PATTERN,
} from "@agents-crm/config/notifications";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";
import { apiIssues } from "~/features/console/api-error";

export type NotificationChat =
  inferRouterOutputs<AppRouter>["notifications"]["list"]["items"][number];
export type NotificationTestResult = inferRouterOutputs<AppRouter>["notifications"]["test"];

export interface NotificationForm {
  botToken: string;
  chatId: string;
  description: string;
  /** Empty: every agent's escalations. */
  agentIds: string[];
  language: NotificationChat["language"];
  isActive: boolean;
  /** "": a shared chat; else the staff member whose own chat it is. */
  staffUserId: string;
}

export type FormField = "botToken" | "chatId" | "description" | "agentIds" | "language";
export type FormProblem = "required" | "tokenFormat" | "chatIdFormat" | "tooLong";

/** On edit the token may stay empty: the stored one is kept (it is never shown). */
export function validateNotificationForm(
  form: NotificationForm,
  mode: "create" | "edit",
): Partial<Record<FormField, FormProblem>> {
  const problems: Partial<Record<FormField, FormProblem>> = {};
  const token = form.botToken.trim();
  if (!token) {
    if (mode === "create") problems.botToken = "required";
  } else if (!TELEGRAM_BOT_TOKEN_PATTERN.test(token)) problems.botToken = "tokenFormat";
  const chatId = form.chatId.trim();
  if (!chatId) problems.chatId = "required";
  else if (!TELEGRAM_CHAT_ID_PATTERN.test(chatId)) problems.chatId = "chatIdFormat";
  if (form.description.trim().length > MAX_NOTIFICATION_DESCRIPTION)
    problems.description = "tooLong";
  return problems;
}

/** The API's field issues on the form's fields (`agentIds.3` → agentIds; `configId` → the token). */
export function notificationFieldIssues(error: unknown): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  for (const { path, message } of apiIssues(error)) {
    const head = path.split(".")[0] ?? "";
    const field: FormField | null =
      head === "botToken" || head === "configId"
        ? "botToken"
        : head === "chatId" || head === "description" || head === "agentIds" || head === "language"
          ? head
          : null;
    if (field) out[field] ??= message;
  }
  return out;
}

/** The update to send: only what changed, and the token only when a new one was typed. */
export function notificationPatch(current: NotificationChat, form: NotificationForm) {
  const patch: {
    chatId?: string;
    botToken?: string;
    description?: string;
    agentIds?: string[];
    language?: NotificationChat["language"];
    isActive?: boolean;
    staffUserId?: string | null;
  } = {};
  if (form.chatId.trim() !== current.chatId) patch.chatId = form.chatId.trim();
  if (form.botToken.trim()) patch.botToken = form.botToken.trim();
  if (form.description.trim() !== (current.description ?? ""))
    patch.description = form.description.trim();
  const sorted = (ids: readonly string[]) => [...ids].sort().join("\n");
  if (sorted(form.agentIds) !== sorted(current.agentIds)) patch.agentIds = form.agentIds;
  if (form.language !== current.language) patch.language = form.language;
  if (form.isActive !== current.isActive) patch.isActive = form.isActive;
  if (form.staffUserId !== (current.staffUserId ?? ""))
    patch.staffUserId = form.staffUserId || null;
  return patch;
}
