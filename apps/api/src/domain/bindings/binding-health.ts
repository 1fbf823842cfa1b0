import type { StaffContext } from "../agents/agent-context";

/**
 * Per binding of an agent: when its account last received a webhook event (the inbox's per-scope stats
 * item; the scope is the platform account: Instagram account, WhatsApp number id, Telegram bot id), the
 * last delivery or verification error, and how many of its events are dead-lettered.
 */
export async function bindingsHealth(ctx: StaffContext, agentId: string) {
  const { repos } = ctx.deps;
  const bindings = await repos.channelBindings.listByAgent(agentId);
  const items = await Promise.all(
    bindings.map(async (binding) => {
      const [lastInboundAt, deadLetters] = await Promise.all([
        repos.inboundEvents.lastEventAt(binding.channelAccountId),
        repos.inboundEvents.countDead({ scope: binding.channelAccountId }),
      ]);
      return {
        bindingId: binding.bindingId,
        channelType: binding.channelType,
        channelAccountId: binding.channelAccountId,
        isActive: binding.isActive,
        isVerified: binding.isVerified,
        lastInboundAt,
        lastError: binding.lastError ?? null,
        lastErrorAt: binding.lastErrorAt ?? null,
        lastErrorReason: binding.lastErrorReason ?? null,
        deadLetters,
        // Instagram's long-lived tokens: until when the current one works, and a failed refresh.
        tokenExpiresAt: binding.tokenExpiresAt ?? null,
        tokenRefreshedAt: binding.tokenRefreshedAt ?? null,
        tokenProblem: binding.tokenProblem ?? null,
      };
    }),
  );
  return { agentId, items };
}
