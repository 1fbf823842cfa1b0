import type { Platform } from "@agents-crm/config/channels";
import type { ChannelBinding, Repositories } from "@agents-crm/db";
import { createTtlCache } from "./ttl-cache";

/** A webhook's binding, and why its events are not stored when they are not. */
export interface RoutedBinding {
  binding: ChannelBinding;
  refusal: "inactive_binding" | "inactive_agent" | null;
}

/** Misses remembered at most: each is a key a stranger may have invented, so the oldest go first. */
export const REMEMBERED_MISSES = 10_000;

/**
 * Webhook routing reads (binding by account or id, agent state, secrets) memoised for a few seconds:
 * at hundreds of events a second they would otherwise be most of the acknowledgement's work. A rotated
 * secret is re-read before a request is refused (`fresh`); a deactivated binding or agent may still have
 * events stored for up to ttlMs, which workers skip as they re-check both before acting.
 *
 * Misses are remembered only where asked (`rememberMiss`): for deliveries nobody has verified yet, so
 * repeating invented accounts or binding ids costs no reads. Deliveries verified by the environment's
 * app secret look misses up afresh, so a binding created a moment ago is found at once.
 */
export function createBindingResolver(
  repos: Repositories,
  options: { ttlMs?: number; maxMisses?: number } = {},
) {
  const ttlMs = options.ttlMs ?? 5_000;
  // Only routable bindings are kept: a binding or agent switched back on is seen at once.
  const routes = createTtlCache<RoutedBinding | null>({
    ttlMs,
    keep: (routed) => routed?.refusal === null,
  });
  const misses = createTtlCache<RoutedBinding | null>({
    ttlMs,
    keep: (routed) => routed === null,
    max: options.maxMisses ?? REMEMBERED_MISSES,
  });
  const secrets = createTtlCache<string | null>({ ttlMs });

  const route = async (
    binding: ChannelBinding | undefined | null,
  ): Promise<RoutedBinding | null> => {
    if (!binding) return null;
    if (!binding.isActive) return { binding, refusal: "inactive_binding" };
    const agent = await repos.agents.get(binding.agentId);
    return { binding, refusal: agent?.isActive ? null : "inactive_agent" };
  };
  const lookup = (
    key: string,
    load: () => Promise<RoutedBinding | null>,
    rememberMiss: boolean,
    fresh = false,
  ) =>
    rememberMiss
      ? misses.get(key, () => routes.get(key, load, fresh), fresh)
      : routes.get(key, load, fresh);

  return {
    /** Meta webhooks: the binding of an Instagram account / WhatsApp number (an active one first). */
    forAccount(
      platform: Platform,
      accountId: string,
      rememberMiss = false,
    ): Promise<RoutedBinding | null> {
      return lookup(
        `${platform}#${accountId}`,
        async () => route((await repos.channelBindings.findByAccount(platform, accountId))[0]),
        rememberMiss,
      );
    },

    /**
     * Telegram webhooks: the binding named in the path (ids are ours, so a miss is never created later).
     * `fresh` re-reads it, for a decision its settings just changed (a binding now allowing groups).
     */
    forId(bindingId: string, fresh = false): Promise<RoutedBinding | null> {
      return lookup(
        `id#${bindingId}`,
        async () => route(await repos.channelBindings.get(bindingId)),
        true,
        fresh,
      );
    },

    /** The shared secret Telegram echoes (set by bindings.verify). */
    webhookSecret(bindingId: string, fresh = false): Promise<string | null> {
      return secrets.get(
        `webhook#${bindingId}`,
        () => repos.channelBindings.getWebhookSecret(bindingId),
        fresh,
      );
    },

    /** A Meta app secret stored with the binding's token (its app may differ from the env's app). */
    appSecret(bindingId: string, fresh = false): Promise<string | null> {
      return secrets.get(
        `app#${bindingId}`,
        async () => {
          const secret = (await repos.channelBindings.getCredentials(bindingId))?.secretMetadata
            .app_secret;
          return typeof secret === "string" && secret !== "" ? secret : null;
        },
        fresh,
      );
    },

    /** How many misses are remembered (bounded by maxMisses). */
    get rememberedMisses() {
      return misses.size;
    },
  };
}

export type BindingResolver = ReturnType<typeof createBindingResolver>;
