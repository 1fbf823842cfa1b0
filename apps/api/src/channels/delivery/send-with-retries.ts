import { setTimeout as sleep } from "node:timers/promises";
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

/** One part, retried on 429 (waiting what the platform asks) and 5xx; other 4xx fail at once. */
export async function sendWithRetries(
  clients: ChannelClients,
  policy: SendRetryPolicy,
  target: DeliveryTarget,
  text: string,
  options: { humanAgentTag: boolean; deadline: number },
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    if (Date.now() >= options.deadline) {
      throw new RetryableDeliveryError("out of time for this try (the job's lease is running out)");
    }
    try {
      return await sendPart(clients, target, text, options);
    } catch (error) {
      const failure = classifySendError(error);
      if (!failure.retryable) throw new PermanentDeliveryError(failure.reason, { cause: error });
      const wait = failure.retryAfterMs ?? policy.baseDelayMs * 2 ** (attempt - 1);
      if (target.channel === "telegram" && failure.retryAfterMs !== undefined) {
        clients.telegramPacer.holdOff(telegramChatKey(target), failure.retryAfterMs);
      }
      if (
        attempt >= policy.attempts ||
        wait > policy.maxWaitMs ||
        Date.now() + wait >= options.deadline
      ) {
        throw new RetryableDeliveryError(failure.reason, { cause: error });
      }
      await sleep(wait);
    }
  }
}
