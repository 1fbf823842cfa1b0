import type { ApiDeps } from "../../deps";
import {
  createTelegramBotApi,
  TelegramApiError,
  type TelegramBotApi,
} from "../../platforms/telegram-bot-api";
import { invalidInput, tooManyRequests, upstreamFailed } from "../errors";

/** The Bot API client for this deployment (TELEGRAM_API_BASE_URL points tests at a local fake). */
export function telegramFor(deps: Pick<ApiDeps, "env">): TelegramBotApi {
  return createTelegramBotApi({ baseUrl: deps.env.TELEGRAM_API_BASE_URL });
}

/** What an admin should read when a Bot API call failed; never the token. */
export function telegramReason(error: TelegramApiError): string {
  if (error.isInvalidToken) return `Invalid bot token (Telegram: ${error.description})`;
  if (error.errorCode === null) return error.description;
  return `Telegram: ${error.description}`;
}

/**
 * A failed Bot API call as the error the admin sees: a rejected token or request names the input field
 * (invalid input), flood control says when to retry, an unreachable Telegram is an upstream failure.
 * Anything else is unexpected (an internal error to the caller).
 */
export function telegramFailure(error: unknown, fields: { token: string; chat?: string }): Error {
  if (!(error instanceof TelegramApiError)) {
    return new Error("Telegram call failed", { cause: error });
  }
  if (error.isInvalidToken) return invalidInput(fields.token, "Invalid bot token");
  if (error.errorCode === 429) {
    const seconds = error.retryAfterSeconds ?? 1;
    return tooManyRequests(`Telegram asks to retry after ${seconds} s`, seconds);
  }
  if (error.errorCode === 400 || error.errorCode === 403) {
    return invalidInput(fields.chat ?? fields.token, telegramReason(error));
  }
  return upstreamFailed(telegramReason(error), error);
}
