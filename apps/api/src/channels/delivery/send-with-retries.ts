import { nextRetryDelayMs, retry } from "@agents-crm/config/retry";
import type { ChannelClients } from "./channel-clients";
import {
  PermanentDeliveryError,
  RetryableDeliveryError,
  classifySendError,
} from "./delivery-errors";
import { sendPart, telegramChatKey, type DeliveryTarget } from "./send-part";

export interface SendRetryPolicy {
  /** Tries per part within one run of the job; the inbox retries the job after that. */
  attempts: number;
  /** Back-off after a 5xx or no answer; doubles per attempt. */
  baseDelayMs: number;
  /** A platform asking for a longer wait than this is left to the inbox's back-off. */
  maxWaitMs: number;
}

export const DEFAULT_SEND_RETRY: SendRetryPolicy = {
  attempts: 3,
  baseDelayMs: 500,
  maxWaitMs: 30_000,
};

const OUT_OF_TIME = "out of time for this try (the job's lease is running out)";

/** One part, retried on 429 (waiting what the platform asks) and 5xx; other 4xx fail at once. */
export function sendWithRetries(
  clients: ChannelClients,
  policy: SendRetryPolicy,
  target: DeliveryTarget,
  text: string,
  options: { humanAgentTag: boolean; deadline: number },
): Promise<string> {
  return retrySend(
    clients,
    policy,
    target,
    () => sendPart(clients, target, text, options),
    options,
  );
}

/** Any one send (a text part, a file) under the same retry rules; returns the platform's message id. */
export function retrySend(
  clients: ChannelClients,
  policy: SendRetryPolicy,
  target: DeliveryTarget,
  send: () => Promise<string>,
  options: { deadline: number },
): Promise<string> {
  const schedule = { maxAttempts: policy.attempts, baseMs: policy.baseDelayMs };
  return retry(
    () => {
      if (Date.now() >= options.deadline) throw new RetryableDeliveryError(OUT_OF_TIME);
      return send();
    },
    {
      delayMs: (error, attempt) => {
        if (error instanceof RetryableDeliveryError) return null; // out of time: thrown as it is
        const failure = classifySendError(error);
        if (!failure.retryable) throw new PermanentDeliveryError(failure.reason, { cause: error });
        if (target.channel === "telegram" && failure.retryAfterMs !== undefined) {
          clients.telegramPacer.holdOff(telegramChatKey(target), failure.retryAfterMs);
        }
        const wait = nextRetryDelayMs(attempt, schedule, failure.retryAfterMs);
        if (wait === null || wait > policy.maxWaitMs || Date.now() + wait >= options.deadline) {
          throw new RetryableDeliveryError(failure.reason, { cause: error });
        }
        return wait;
      },
    },
  );
}
