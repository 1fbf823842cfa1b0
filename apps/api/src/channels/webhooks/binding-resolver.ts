import type { ChannelBinding, Repositories } from "@agents-crm/db";
import type { Platform } from "../inbound-event";
import { createTtlCache } from "./ttl-cache";

/** A webhook's binding, and why its events are not stored when they are not. */
export interface RoutedBinding {
  binding: ChannelBinding;
  refusal: "inactive_binding" | "inactive_agent" | null;
}

/**
 * Webhook routing reads (binding by account or id, agent state, secrets) memoised for a few seconds:
 * at hundreds of events a second they would otherwise be most of the acknowledgement's work. Misses are
 * not kept, so a new binding is found at once; a rotated secret is re-read before a request is refused
 * (`fresh`); a deactivated binding or agent may still have events stored for up to ttlMs, which workers
 * skip as they re-check both before acting.
 */
export function createBindingResolver(repos: Repositories, options: { ttlMs?: number } = {}) {
  const ttlMs = options.ttlMs ?? 5_000;
  // Only routable bindings are kept: a binding or agent switched back on is seen at once.
  const routes = createTtlCache<RoutedBinding | null>({
    ttlMs,
    keep: (routed) => routed?.refusal === null,
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

  return {
    /** Meta webhooks: the binding of an Instagram account / WhatsApp number (an active one first). */
    forAccount(platform: Platform, accountId: string): Promise<RoutedBinding | null> {
      return routes.get(`${platform}#${accountId}`, async () =>
        route((await repos.channelBindings.findByAccount(platform, accountId))[0]),
      );
    },

    /** Telegram webhooks: the binding named in the path. */
    forId(bindingId: string): Promise<RoutedBinding | null> {
      return routes.get(`id#${bindingId}`, async () =>
        route(await repos.channelBindings.get(bindingId)),
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
  };
}

export type BindingResolver = ReturnType<typeof createBindingResolver>;
