import {
  CHANNEL_SETTINGS,
  CHANNEL_SETTING_VARIABLES,
  type ChannelSettingName,
  type ChannelSettingStatus,
} from "@agents-crm/config/channel-settings";
import type { ServerEnv } from "@agents-crm/config/env";
import type { Repositories } from "@agents-crm/db";

/**
 * Other replicas see a console change within this long; the replica that made it sees it at once.
 * Webhooks read secrets on every delivery, so they must not cost a database read each.
 */
export const CHANNEL_SECRETS_TTL_MS = 30_000;

/**
 * The one place webhook and channel code reads platform-wide channel secrets: the environment
 * variable when set (it wins), else the value stored encrypted from the console.
 */
export function createChannelSecrets(
  deps: { env: ServerEnv; repos: Pick<Repositories, "channelSettings"> },
  options: { ttlMs?: number; now?: () => number } = {},
) {
  const ttlMs = options.ttlMs ?? CHANNEL_SECRETS_TTL_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<ChannelSettingName, { value: Promise<string | null>; expiresAt: number }>();
  const fromEnv = (name: ChannelSettingName) => deps.env[CHANNEL_SETTING_VARIABLES[name]];

  const stored = (name: ChannelSettingName): Promise<string | null> => {
    const hit = cache.get(name);
    if (hit && hit.expiresAt > now()) return hit.value;
    const value = deps.repos.channelSettings.get(name);
    cache.set(name, { value, expiresAt: now() + ttlMs });
    // A failed read (database down, wrong key) is not remembered: the next delivery tries again.
    value.catch(() => cache.delete(name));
    return value;
  };

  return {
    /** The value in effect, or undefined when neither the environment nor the console has one. */
    async get(name: ChannelSettingName): Promise<string | undefined> {
      return fromEnv(name) ?? (await stored(name)) ?? undefined;
    },

    /** For the console: which source is in effect for each setting, never a value. */
    async status(): Promise<ChannelSettingStatus[]> {
      return Promise.all(
        CHANNEL_SETTINGS.map(async (name) => {
          const storedInConsole = await deps.repos.channelSettings.isSet(name);
          const env = fromEnv(name) !== undefined;
          return {
            name,
            variable: CHANNEL_SETTING_VARIABLES[name],
            set: env || storedInConsole,
            source: env ? "env" : storedInConsole ? "console" : "none",
            storedInConsole,
          } satisfies ChannelSettingStatus;
        }),
      );
    },

    async set(name: ChannelSettingName, value: string): Promise<void> {
      await deps.repos.channelSettings.put(name, value);
      cache.delete(name);
    },

    async clear(name: ChannelSettingName): Promise<void> {
      await deps.repos.channelSettings.clear(name);
      cache.delete(name);
    },
  };
}

export type ChannelSecrets = ReturnType<typeof createChannelSecrets>;
