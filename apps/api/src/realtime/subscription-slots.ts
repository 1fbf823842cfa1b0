/**
 * A console tab opens one subscription (`admin.onEvent`), the home page one (`system.onStatus`), a web
 * chat one (`chat.onEvent`), each tab on its own connection; ten leaves room for machine clients.
 */
export const SUBSCRIPTIONS_PER_CONNECTION = 10;

export interface SubscriptionHolder {
  /** One per WebSocket (one per request for server-sent events). */
  connectionId: string;
  clientIp: string;
}

function increment(map: Map<string, number>, key: string, by: number) {
  const next = (map.get(key) ?? 0) + by;
  if (next > 0) map.set(key, next);
  else map.delete(key);
}

/**
 * Open subscriptions of this process, per connection and per client address: a subscription costs one
 * rate-limit token when it starts but may stream for as long as it likes, so how many may be open at
 * once is what bounds its cost. Empty keys are forgotten, so memory follows open subscriptions.
 */
export function createSubscriptionSlots(limits: { perConnection: number; perAddress: number }) {
  const byConnection = new Map<string, number>();
  const byAddress = new Map<string, number>();

  /** Why one more subscription would be refused, or null when it fits. */
  const refusal = (holder: SubscriptionHolder): string | null => {
    if ((byConnection.get(holder.connectionId) ?? 0) >= limits.perConnection) {
      return `Too many live subscriptions: at most ${limits.perConnection} are open per connection. Stop one before starting another.`;
    }
    if ((byAddress.get(holder.clientIp) ?? 0) >= limits.perAddress) {
      return `Too many live subscriptions: at most ${limits.perAddress} are open from one address at a time.`;
    }
    return null;
  };

  return {
    refusal,

    /** Takes a slot; returns its release (safe to call more than once), or the refusal. */
    take(holder: SubscriptionHolder): { release: () => void } | { refused: string } {
      const refused = refusal(holder);
      if (refused !== null) return { refused };
      increment(byConnection, holder.connectionId, 1);
      increment(byAddress, holder.clientIp, 1);
      let held = true;
      return {
        release: () => {
          if (!held) return;
          held = false;
          increment(byConnection, holder.connectionId, -1);
          increment(byAddress, holder.clientIp, -1);
        },
      };
    },

    /** Open subscriptions, of one address or in total (for tests and health). */
    count(clientIp?: string): number {
      if (clientIp !== undefined) return byAddress.get(clientIp) ?? 0;
      let total = 0;
      for (const n of byAddress.values()) total += n;
      return total;
    },
  };
}

export type SubscriptionSlots = ReturnType<typeof createSubscriptionSlots>;
