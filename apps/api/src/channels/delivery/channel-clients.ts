import type { ServerEnv } from "@agents-crm/config/env";
import {
  createInstagramGraphApi,
  type InstagramGraphApi,
} from "../../platforms/instagram-graph-api";
import { createCustomerMedia, type CustomerMedia } from "../../platforms/customer-media";
import { createTelegramBotApi, type TelegramBotApi } from "../../platforms/telegram-bot-api";
import { createWhatsAppCloudApi, type WhatsAppCloudApi } from "../../platforms/whatsapp-cloud-api";
import { createTelegramPacer, type TelegramPacer } from "./telegram-pacer";

/** The platform APIs the channel workers call, with base URLs from the environment. */
export interface ChannelClients {
  telegram: Pick<TelegramBotApi, "sendMessage" | "sendMedia">;
  instagram: InstagramGraphApi;
  whatsapp: WhatsAppCloudApi;
  telegramPacer: TelegramPacer;
  /** Downloads of the files customers send. */
  media: CustomerMedia;
}

export function createChannelClients(
  env: Pick<
    ServerEnv,
    "TELEGRAM_API_BASE_URL" | "INSTAGRAM_GRAPH_BASE_URL" | "WHATSAPP_GRAPH_BASE_URL"
  >,
  options: { timeoutMs?: number; telegramIntervalMs?: number; mediaTimeoutMs?: number } = {},
): ChannelClients {
  const { timeoutMs } = options;
  return {
    telegram: createTelegramBotApi({ baseUrl: env.TELEGRAM_API_BASE_URL, timeoutMs }),
    instagram: createInstagramGraphApi({ baseUrl: env.INSTAGRAM_GRAPH_BASE_URL, timeoutMs }),
    whatsapp: createWhatsAppCloudApi({ baseUrl: env.WHATSAPP_GRAPH_BASE_URL, timeoutMs }),
    telegramPacer: createTelegramPacer({ intervalMs: options.telegramIntervalMs }),
    media: createCustomerMedia({
      telegram: createTelegramBotApi({ baseUrl: env.TELEGRAM_API_BASE_URL, timeoutMs }),
      whatsapp: { baseUrl: env.WHATSAPP_GRAPH_BASE_URL, timeoutMs },
      instagramGraphBaseUrl: env.INSTAGRAM_GRAPH_BASE_URL,
      timeoutMs: options.mediaTimeoutMs,
    }),
  };
}
