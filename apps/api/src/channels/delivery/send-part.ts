import type { Channel } from "@agents-crm/config/channels";
import type { ChannelClients } from "./channel-clients";

interface TargetAddress {
  bindingId: string;
  accountId: string;
  recipient: string;
}

/** Where one message goes: the binding's account and token, the customer's platform id. */
export type DeliveryTarget =
  | (TargetAddress & { channel: Exclude<Channel, "web_chat">; token: string; provider?: undefined })
  | TwilioTarget;

/**
 * WhatsApp through Twilio instead of Meta: the binding's own account SID and auth token, each only
 * when it has one (the channel settings' are used otherwise).
 */
export type TwilioTarget = TargetAddress & {
  channel: "whatsapp";
  provider: "twilio";
  twilio: { accountSid?: string; authToken?: string };
};

/** The pacer's key: one bot's chat with one customer. */
export const telegramChatKey = (target: Pick<DeliveryTarget, "accountId" | "recipient">) =>
  `${target.accountId}:${target.recipient}`;

/** Sends one part (already within the platform's limit); returns the platform's message id. */
export async function sendPart(
  clients: ChannelClients,
  target: DeliveryTarget,
  text: string,
  options: { humanAgentTag: boolean },
): Promise<string> {
  switch (target.channel) {
    case "telegram": {
      const sent = await clients.telegramPacer.send(telegramChatKey(target), () =>
        clients.telegram.sendMessage(target.token, { chat_id: target.recipient, text }),
      );
      return String(sent.message_id);
    }
    case "instagram": {
      const sent = await clients.instagram.sendMessage(target.token, target.accountId, {
        recipient: { id: target.recipient },
        message: { text },
        ...(options.humanAgentTag
          ? { messaging_type: "MESSAGE_TAG" as const, tag: "HUMAN_AGENT" as const }
          : {}),
      });
      return sent.message_id;
    }
    case "whatsapp": {
      if (target.provider === "twilio") return clients.twilio.send(target, { body: text });
      const sent = await clients.whatsapp.sendText(target.token, target.accountId, {
        to: target.recipient,
        body: text,
      });
      return sent.messageId;
    }
  }
}
