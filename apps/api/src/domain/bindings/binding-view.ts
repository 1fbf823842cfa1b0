import type { ChannelBinding } from "@agents-crm/db";

/** A binding as the console sees it: no token, no secret names. */
export function toBindingView(binding: ChannelBinding) {
  return {
    bindingId: binding.bindingId,
    agentId: binding.agentId,
    channelType: binding.channelType,
    channelAccountId: binding.channelAccountId,
    channelUsername: binding.channelUsername ?? null,
    isActive: binding.isActive,
    isVerified: binding.isVerified,
    hasWebhookSecret: binding.webhookSecretName !== undefined,
    metadata: binding.metadata,
    lastError: binding.lastError ?? null,
    lastErrorAt: binding.lastErrorAt ?? null,
    lastErrorReason: binding.lastErrorReason ?? null,
    createdAt: binding.createdAt,
    updatedAt: binding.updatedAt,
    createdBy: binding.createdBy ?? null,
    version: binding.version,
  };
}
export type BindingView = ReturnType<typeof toBindingView>;
