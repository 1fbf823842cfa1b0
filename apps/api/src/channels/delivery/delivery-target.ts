import type { ChannelBinding, Conversation, Repositories } from "@agents-crm/db";
import { isTwilioBinding, ownTwilioAuthToken } from "../settings/twilio-credentials";
import { customerContact } from "./customer-contact";
import { PermanentDeliveryError } from "./delivery-errors";
import type { DeliveryTarget } from "./send-part";

export interface ResolvedTarget {
  target: DeliveryTarget;
  binding: ChannelBinding;
  /** When the customer last wrote (the messaging windows count from it); null when unknown. */
  lastInboundAt: Date | null;
}

/**
 * The binding the answered message came through, else the one the customer last wrote through (an
 * agent may have several accounts on one platform), else the agent's first active binding of the channel.
 */
export async function resolveTarget(
  repos: Pick<Repositories, "kv" | "channelBindings">,
  conversation: Conversation,
  preferredBindingId?: string,
): Promise<ResolvedTarget> {
  const channel = conversation.channel;
  if (channel === "web_chat") throw new PermanentDeliveryError("web chat has no platform delivery");
  if (!conversation.externalUserId) {
    throw new PermanentDeliveryError("the conversation has no platform user to send to", {
      failure: { kind: "no_recipient" },
    });
  }
  const contact = await customerContact(repos, conversation.conversationId);
  const bindingId = preferredBindingId ?? contact?.bindingId;
  let binding = bindingId ? await repos.channelBindings.get(bindingId) : null;
  if (!binding?.isActive || binding.agentId !== conversation.agentId) {
    const bindings = await repos.channelBindings.listByAgent(conversation.agentId, {
      channelType: channel,
      activeOnly: true,
    });
    binding = bindings[0] ?? null;
  }
  if (!binding) {
    throw new PermanentDeliveryError(`the agent has no active ${channel} binding`, {
      failure: { kind: "no_active_binding", channel },
    });
  }
  const lastInboundAt = contact ? new Date(contact.lastInboundAt) : null;
  const address = {
    bindingId: binding.bindingId,
    accountId: binding.channelAccountId,
    recipient: conversation.externalUserId,
  };
  if (channel === "whatsapp" && isTwilioBinding(binding)) {
    const authToken = await ownTwilioAuthToken(repos, binding);
    const accountSid =
      typeof binding.metadata.accountSid === "string" ? binding.metadata.accountSid : null;
    return {
      binding,
      lastInboundAt,
      target: {
        ...address,
        channel,
        provider: "twilio",
        twilio: { ...(accountSid ? { accountSid } : {}), ...(authToken ? { authToken } : {}) },
      },
    };
  }
  const token = await repos.channelBindings.getAccessToken(binding.bindingId);
  if (!token) {
    throw new PermanentDeliveryError("the binding has no access token", {
      failure: { kind: "no_access_token" },
    });
  }
  return { binding, lastInboundAt, target: { ...address, channel, token } };
}
