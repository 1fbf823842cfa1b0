import type { Channel } from "@agents-crm/config/channels";

/** Secret names follow the reference's Secrets Manager layout, so an existing deployment's names carry over. */
export const secretNames = {
  channelAccessToken: (channelType: Channel, bindingId: string) =>
    `doctor-agent/channels/${channelType}/${bindingId}/access-token`,
  channelWebhookSecret: (channelType: Channel, bindingId: string) =>
    `doctor-agent/channels/${channelType}/${bindingId}/webhook-secret`,
  notificationBotToken: (configId: string) => `doctor-agent/notifications/${configId}/bot-token`,
  /** Platform-wide channel secrets set in the console (@agents-crm/config/channel-settings). */
  channelSetting: (name: string) => `doctor-agent/channel-settings/${name}`,
} as const;
