import type { ServerEnv } from "@agents-crm/config/env";
import type { ChannelSecrets } from "../settings/channel-secrets";
import {
  createInstagramGraphApi,
  type InstagramGraphApi,
} from "../../platforms/instagram-graph-api";
import { createCustomerMedia, type CustomerMedia } from "../../platforms/customer-media";
import { createTelegramBotApi, type TelegramBotApi } from "../../platforms/telegram-bot-api";
import { createWhatsAppCloudApi, type WhatsAppCloudApi } from "../../platforms/whatsapp-cloud-api";
import { createTelegramPacer, type TelegramPacer } from "./telegram-pacer";
import { createTwilioSender, type TwilioSender } from "./twilio-sender";

/** The platform APIs the channel workers call, with base URLs from the environment. */
export interface ChannelClients {
  telegram: Pick<TelegramBotApi, "sendMessage" | "sendMedia">;
  instagram: InstagramGraphApi;
  whatsapp: WhatsAppCloudApi;
  /** WhatsApp bindings whose provider is Twilio. */
  twilio: Pick<TwilioSender, "send">;
  telegramPacer: TelegramPacer;
  /** Downloads of the files customers send. */
  media: CustomerMedia;
}

export function createChannelClients(
  env: Pick<
    ServerEnv,
    | "TELEGRAM_API_BASE_URL"
    | "INSTAGRAM_GRAPH_BASE_URL"
    | "WHATSAPP_GRAPH_BASE_URL"
    | "TWILIO_API_BASE_URL"
    | "APP_URL"
    | "TWILIO_ACCOUNT_SID"
    | "TWILIO_AUTH_TOKEN"
  >,
  options: {
    timeoutMs?: number;
    telegramIntervalMs?: number;
    mediaTimeoutMs?: number;
    /** The console's channel settings (Twilio's credentials when a binding has none). */
    channelSecrets?: ChannelSecrets;
  } = {},
): ChannelClients {
  const { timeoutMs } = options;
  return {
    telegram: createTelegramBotApi({ baseUrl: env.TELEGRAM_API_BASE_URL, timeoutMs }),
    instagram: createInstagramGraphApi({ baseUrl: env.INSTAGRAM_GRAPH_BASE_URL, timeoutMs }),
    whatsapp: createWhatsAppCloudApi({ baseUrl: env.WHATSAPP_GRAPH_BASE_URL, timeoutMs }),
    twilio: createTwilioSender(env, { timeoutMs, secrets: options.channelSecrets }),
    telegramPacer: createTelegramPacer({ intervalMs: options.telegramIntervalMs }),
    media: createCustomerMedia({
      telegram: createTelegramBotApi({ baseUrl: env.TELEGRAM_API_BASE_URL, timeoutMs }),
      whatsapp: { baseUrl: env.WHATSAPP_GRAPH_BASE_URL, timeoutMs },
      instagramGraphBaseUrl: env.INSTAGRAM_GRAPH_BASE_URL,
      twilioApiBaseUrl: env.TWILIO_API_BASE_URL,
      timeoutMs: options.mediaTimeoutMs,
    }),
  };
}
