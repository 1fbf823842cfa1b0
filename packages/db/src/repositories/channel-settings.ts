import type { ChannelSettingName } from "@agents-crm/config/channel-settings";
import { secretNames } from "../secrets/names";
import type { SecretsRepository } from "./secrets";

/**
 * Platform-wide channel secrets set in the console, one encrypted secret row each (the name is bound
 * into the ciphertext, so a row copied onto another setting fails to open).
 */
export function createChannelSettingsRepository(secrets: SecretsRepository) {
  const name = (setting: ChannelSettingName) => secretNames.channelSetting(setting);
  return {
    /** The decrypted value, or null when none is stored. */
    async get(setting: ChannelSettingName): Promise<string | null> {
      const value = await secrets.get(name(setting));
      return typeof value === "string" ? value : null;
    },
    async isSet(setting: ChannelSettingName): Promise<boolean> {
      return secrets.exists(name(setting));
    },
    async put(setting: ChannelSettingName, value: string): Promise<void> {
      await secrets.put(name(setting), value);
    },
    async clear(setting: ChannelSettingName): Promise<void> {
      await secrets.delete(name(setting));
    },
  };
}

export type ChannelSettingsRepository = ReturnType<typeof createChannelSettingsRepository>;
