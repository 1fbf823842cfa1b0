import type { ServerEnv } from "@agents-crm/config/env";
import type { Repositories } from "@agents-crm/db";
import { createBackgroundWork, type BackgroundWork } from "../domain/alerts/background-work";
import { createEscalationAlerts, type EscalationAlerts } from "../domain/alerts/escalation-alerts";
import type { RetryPolicy } from "../domain/alerts/telegram-retry";
import { createTurnLanes, type TurnLanes } from "../domain/turns/turn-lanes";
import { createWebTurnTickets, type WebTurnTickets } from "../domain/turns/web-turn-tickets";
import type { Logger } from "../logger";
import { createTelegramBotApi, type TelegramBotApi } from "../platforms/telegram-bot-api";
import { resolveReplicaId } from "../cluster/replica-id";
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
  /** This process's leases on the web-chat turns it runs (so another process answers them if it dies). */
  webTurns: WebTurnTickets;
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
  /**
   * Waits for turns (web-chat turns until `deadline`, then given back to the inbox), publications and
   * alert deliveries under way, stops the sweep, closes the hub.
   */
  close(options?: { deadline?: number }): Promise<void>;
}

export function startConversationRuntime(input: {
  env: ServerEnv;
  repos: Repositories;
  log: Logger;
  telegram?: Pick<TelegramBotApi, "sendMessage">;
  /** Off in tests that call `alerts.sweep()` themselves. */
  sweep?: boolean;
  alertRetry?: RetryPolicy;
  /** This process's name in the cluster (deps.replicaId): holder of the conversations' turn leases. */
  replicaId?: string;
  /** No other process runs turns on this database (see createConversationLeases). */
  soleProcess?: boolean;
}): StartedConversationRuntime {
  const { env, repos, log } = input;
  const hub = createEventHub({ eventLog: repos.eventLog, log, redisUrl: env.REDIS_URL });
  // A conversation's lane emptied: its lease goes, so another replica may run its next turn.
  let laneIdle: (conversationId: string) => void = () => undefined;
  const turns = createTurnLanes({ onIdle: (conversationId) => laneIdle(conversationId) });
  const alerts = createEscalationAlerts({
    env,
    repos,
    hub,
    log,
    telegram: input.telegram ?? createTelegramBotApi({ baseUrl: env.TELEGRAM_API_BASE_URL }),
    retry: input.alertRetry,
  });
  if (input.sweep ?? true) alerts.start();
  const work = createBackgroundWork(log);
  const webTurns = createWebTurnTickets({
    repos,
    turns,
    work,
    log,
    replicaId: input.replicaId ?? resolveReplicaId(env.REPLICA_ID),
    soleProcess: input.soleProcess,
  });
  laneIdle = (conversationId) => webTurns.settle(conversationId);
  const subscriptionSlots = createSubscriptionSlots({
    perConnection: SUBSCRIPTIONS_PER_CONNECTION,
    perAddress: env.SUBSCRIPTIONS_PER_ADDRESS,
  });
  const deps = { hub, turns, webTurns, alerts, work, subscriptionSlots };
  return { deps, ready: hub.ready, close: (options) => closeConversationRuntime(deps, options) };
}

export async function closeConversationRuntime(
  runtime: ConversationRuntime,
  options: { deadline?: number } = {},
): Promise<void> {
  await runtime.webTurns.stop(options.deadline);
  await runtime.turns.idle();
  await runtime.work.drain();
  await runtime.alerts.close();
  await runtime.hub.close();
}
