import type { DeliveryFailure } from "@agents-crm/config/binding-errors";
import { GraphApiError } from "../../platforms/graph-api-call";
import { INSTAGRAM_WINDOW_SUBCODE } from "../../platforms/instagram-graph-api";
import { TelegramApiError } from "../../platforms/telegram-bot-api";
import { TwilioApiError } from "../../platforms/twilio-messages-api";
import { WHATSAPP_WINDOW_CODE } from "../../platforms/whatsapp-cloud-api";

/** The platform refused for good (bad recipient, revoked token, closed window): retrying cannot help. */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
  /** What the console words in its language; absent when the message is the platform's own words. */
  readonly failure?: DeliveryFailure;

  constructor(message: string, options?: ErrorOptions & { failure?: DeliveryFailure }) {
    super(message, options);
    if (options?.failure) this.failure = options.failure;
  }
}

/** Still failing after this run's attempts; the inbox retries the job later with back-off. */
export class RetryableDeliveryError extends Error {
  override name = "RetryableDeliveryError";
}

export interface SendFailure {
  retryable: boolean;
  /** What the platform asked us to wait (Telegram `retry_after`, HTTP Retry-After). */
  retryAfterMs?: number;
  reason: string;
}

/** 429 and 5xx (and no answer) are worth retrying; other 4xx are not. */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof TelegramApiError) {
    const retryable = error.errorCode === null || error.errorCode === 429 || error.errorCode >= 500;
    return {
      retryable,
      retryAfterMs:
        error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000,
      reason: error.message,
    };
  }
  if (error instanceof GraphApiError) {
    const outsideWindow =
      (error.code === 10 && error.subcode === INSTAGRAM_WINDOW_SUBCODE) ||
      error.code === WHATSAPP_WINDOW_CODE;
    return {
      retryable: !outsideWindow && error.isRetryable,
      retryAfterMs:
        error.flags.retryAfterSeconds === undefined
          ? undefined
          : error.flags.retryAfterSeconds * 1000,
      reason: outsideWindow ? `${error.message} (outside the messaging window)` : error.message,
    };
  }
  if (error instanceof TwilioApiError) {
    // 63016: more than 24 hours since the customer wrote; only a template may go out.
    return {
      retryable: error.isRetryable && error.code !== TWILIO_WINDOW_CODE,
      reason: error.message,
    };
  }
  return { retryable: true, reason: error instanceof Error ? error.message : String(error) };
}

/** Twilio's "outside the 24-hour window" (https://www.twilio.com/docs/api/errors/63016). */
export const TWILIO_WINDOW_CODE = 63016;
