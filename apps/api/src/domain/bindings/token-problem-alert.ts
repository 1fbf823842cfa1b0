import type { AlertLanguage } from "@agents-crm/config/notifications";
import type { ChannelBinding, TokenProblem } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { publishAdmin } from "../conversations/events";

/** The console's live notice: which binding, what went wrong, where to fix it. */
export interface TokenProblemEvent {
  bindingId: string;
  agentId: string;
  channelType: ChannelBinding["channelType"];
  channelAccountId: string;
  channelUsername: string | null;
  tokenExpiresAt: string | null;
  problem: TokenProblem;
}

const ALERT_TEXT: Record<AlertLanguage, (account: string, problem: TokenProblem) => string> = {
  en: (account, problem) =>
    problem.kind === "revoked"
      ? `🔑 Instagram ${account}: the access token was revoked or has expired, so replies to this account fail. Connect it again on the agent's Channels tab (a new token).\n${problem.message}`
      : `🔑 Instagram ${account}: the access token could not be refreshed; it stops working when it expires. Check it on the agent's Channels tab.\n${problem.message}`,
  ru: (account, problem) =>
    problem.kind === "revoked"
      ? `🔑 Instagram ${account}: токен доступа отозван или истёк, ответы этому аккаунту не доходят. Подключите его заново на вкладке «Каналы» агента (новый токен).\n${problem.message}`
      : `🔑 Instagram ${account}: не удалось продлить токен доступа; он перестанет работать, когда истечёт. Проверьте его на вкладке «Каналы» агента.\n${problem.message}`,
};

/**
 * Tells staff that a channel's token is in trouble: the owners' and admins' consoles live (the channel
 * health notice) and every active alert chat of the binding's agent, each in its language.
 */
export async function alertTokenProblem(
  deps: Pick<ApiDeps, "hub" | "alerts">,
  binding: ChannelBinding,
  problem: TokenProblem,
): Promise<void> {
  const payload: TokenProblemEvent = {
    bindingId: binding.bindingId,
    agentId: binding.agentId,
    channelType: binding.channelType,
    channelAccountId: binding.channelAccountId,
    channelUsername: binding.channelUsername ?? null,
    tokenExpiresAt: binding.tokenExpiresAt ?? null,
    problem,
  };
  await publishAdmin(deps.hub, { type: "channel.token_problem", payload });
  const account = binding.channelUsername
    ? `@${binding.channelUsername}`
    : binding.channelAccountId;
  deps.alerts.toAgentChats(binding.agentId, (language) => ALERT_TEXT[language](account, problem));
}
