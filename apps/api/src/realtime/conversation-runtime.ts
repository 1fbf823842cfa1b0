import type { ServerEnv } from "@agents-crm/config/env";
import type { Repositories } from "@agents-crm/db";
import { createBackgroundWork, type BackgroundWork } from "../domain/alerts/background-work";
import { createEscalationAlerts, type EscalationAlerts } from "../domain/alerts/escalation-alerts";
import type { RetryPolicy } from "../domain/alerts/telegram-retry";
import { createTurnLanes, type TurnLanes } from "../domain/turns/turn-lanes";
import type { Logger } from "../logger";
import { createTelegramBotApi, type TelegramBotApi } from "../platforms/telegram-bot-api";
import { createEventHub } from "./event-hub";
import {
  createSubscriptionSlots,
  SUBSCRIPTIONS_PER_CONNECTION,
  type SubscriptionSlots,
} from "./subscription-slots";
import type { EventHub } from "./types";

/** The per-process machinery of conversations: event fan-out, turn lanes, escalation alerts. */
export interface ConversationRuntime {
  hub: EventHub;
  turns: TurnLanes;
  alerts: EscalationAlerts;
  /** Work that outlives its request (events published after a reply is stored); shutdown waits for it. */
  work: BackgroundWork;
  /** Open live subscriptions per connection and per client address, and their limits. */
  subscriptionSlots: SubscriptionSlots;
}

export interface StartedConversationRuntime {
  deps: ConversationRuntime;
  /** Resolves when Redis fan-out is subscribed (at once without REDIS_URL). */
  ready: Promise<void>;
  /** Waits for turns, publications and alert deliveries under way, stops the sweep, closes the hub. */
  close(): Promise<void>;
}

export function startConversationRuntime(input: {
  env: ServerEnv;
  repos: Repositories;
  log: Logger;
  telegram?: Pick<TelegramBotApi, "sendMessage">;
  /** Off in tests that call `alerts.sweep()` themselves. */
  sweep?: boolean;
  alertRetry?: RetryPolicy;
}): StartedConversationRuntime {
  const { env, repos, log } = input;
  const hub = createEventHub({ eventLog: repos.eventLog, log, redisUrl: env.REDIS_URL });
  const turns = createTurnLanes();
  const alerts = createEscalationAlerts({
    env,
    repos,
    hub,
    log,
    telegram: input.telegram ?? createTelegramBotApi({ baseUrl: env.TELEGRAM_API_BASE_URL }),
    retry: input.alertRetry,
  });
  if (input.sweep ?? true) alerts.start();
  const subscriptionSlots = createSubscriptionSlots({
    perConnection: SUBSCRIPTIONS_PER_CONNECTION,
    perAddress: env.SUBSCRIPTIONS_PER_ADDRESS,
  });
  const deps = { hub, turns, alerts, work: createBackgroundWork(log), subscriptionSlots };
  return { deps, ready: hub.ready, close: () => closeConversationRuntime(deps) };
}

export async function closeConversationRuntime(runtime: ConversationRuntime): Promise<void> {
  await runtime.turns.idle();
  await runtime.work.drain();
  await runtime.alerts.close();
  await runtime.hub.close();
}
