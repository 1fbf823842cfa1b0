import type { ChannelType } from "../schemas/channel-binding";

/** Secret names follow the reference's Secrets Manager layout, so an existing deployment's names carry over. */
export const secretNames = {
  channelAccessToken: (channelType: ChannelType, bindingId: string) =>
    `doctor-agent/channels/${channelType}/${bindingId}/access-token`,
  channelWebhookSecret: (channelType: ChannelType, bindingId: string) =>
    `doctor-agent/channels/${channelType}/${bindingId}/webhook-secret`,
  notificationBotToken: (configId: string) => `doctor-agent/notifications/${configId}/bot-token`,
} as const;
