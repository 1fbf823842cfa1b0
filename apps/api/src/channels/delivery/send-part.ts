import type { Channel } from "@agents-crm/config/channels";
import type { ChannelClients } from "./channel-clients";

/** Where one message goes: the binding's account and token, the customer's platform id. */
export interface DeliveryTarget {
  channel: Exclude<Channel, "web_chat">;
  bindingId: string;
  accountId: string;
  token: string;
  recipient: string;
  /** WhatsApp through Twilio instead of Meta: the binding's account SID, when it has its own. */
  provider?: "twilio";
  twilioAccountSid?: string;
}

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
