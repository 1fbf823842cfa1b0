import { TRPCError } from "@trpc/server";
import type { ApiDeps } from "../../deps";
import {
  createTelegramBotApi,
  TelegramApiError,
  type TelegramBotApi,
} from "../../platforms/telegram-bot-api";
import { badInput } from "../../trpc-errors";

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
 * (BAD_REQUEST), flood control says when to retry, an unreachable Telegram is a gateway error.
 */
export function telegramErrorToTRPC(
  error: unknown,
  fields: { token: string; chat?: string },
): TRPCError {
  if (!(error instanceof TelegramApiError)) {
    return new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "Telegram call failed",
      cause: error,
    });
  }
  if (error.isInvalidToken) return badInput(fields.token, "Invalid bot token");
  if (error.errorCode === 429) {
    return new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `Telegram asks to retry after ${error.retryAfterSeconds ?? 1} s`,
    });
  }
  if (error.errorCode === 400 || error.errorCode === 403) {
    return badInput(fields.chat ?? fields.token, telegramReason(error));
  }
  return new TRPCError({ code: "BAD_GATEWAY", message: telegramReason(error), cause: error });
}
