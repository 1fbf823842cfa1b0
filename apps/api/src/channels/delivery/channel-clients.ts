import type { ServerEnv } from "@agents-crm/config/env";
import {
  createInstagramGraphApi,
  type InstagramGraphApi,
} from "../../platforms/instagram-graph-api";
import { createTelegramBotApi, type TelegramBotApi } from "../../platforms/telegram-bot-api";
import { createWhatsAppCloudApi, type WhatsAppCloudApi } from "../../platforms/whatsapp-cloud-api";
import { createTelegramPacer, type TelegramPacer } from "./telegram-pacer";

/** The platform APIs the channel workers call, with base URLs from the environment. */
export interface ChannelClients {
  telegram: Pick<TelegramBotApi, "sendMessage" | "sendMedia">;
  instagram: InstagramGraphApi;
  whatsapp: WhatsAppCloudApi;
  telegramPacer: TelegramPacer;
}

export function createChannelClients(
  env: Pick<
    ServerEnv,
    "TELEGRAM_API_BASE_URL" | "INSTAGRAM_GRAPH_BASE_URL" | "WHATSAPP_GRAPH_BASE_URL"
  >,
  options: { timeoutMs?: number; telegramIntervalMs?: number } = {},
): ChannelClients {
  const { timeoutMs } = options;
  return {
    telegram: createTelegramBotApi({ baseUrl: env.TELEGRAM_API_BASE_URL, timeoutMs }),
    instagram: createInstagramGraphApi({ baseUrl: env.INSTAGRAM_GRAPH_BASE_URL, timeoutMs }),
    whatsapp: createWhatsAppCloudApi({ baseUrl: env.WHATSAPP_GRAPH_BASE_URL, timeoutMs }),
    telegramPacer: createTelegramPacer({ intervalMs: options.telegramIntervalMs }),
  };
}
