"use client";

import { useAdminEvents, useConsoleOpenedAt } from "~/features/console/admin-events";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { TitledLinkToasts, useToasts, type TitledToast } from "~/ui/toast";

const MAX_TOASTS = 3;

/**
 * A channel's token could not be refreshed or was revoked (owners and admins get the event): a toast
 * that stays until dismissed, since replies on that account fail until someone connects it again, and
 * the agent's channel health is reloaded.
 */
export function TokenProblemAlerts() {
  const t = useT("channels").tokenAlert;
  const utils = trpc.useUtils();
  const openedAt = useConsoleOpenedAt();
  const { toasts, setToasts, dismiss } = useToasts<TitledToast>();

  useAdminEvents((event, eventId) => {
    if (event.type !== "channel.token_problem") return;
    const { agentId, channelUsername, channelAccountId, problem } = event.payload;
    void utils.bindings.health.invalidate({ agentId });
    if (eventId < openedAt) return;
    const account = channelUsername ? `@${channelUsername}` : channelAccountId;
    const toast: TitledToast = {
      id: eventId,
      title: problem.kind === "revoked" ? t.revoked(account) : t.refreshFailed(account),
      body: problem.message,
      url: `/admin/agents/${encodeURIComponent(agentId)}?tab=channels`,
    };
    setToasts((all) => [toast, ...all.filter((x) => x.title !== toast.title)].slice(0, MAX_TOASTS));
  });

  return (
    <TitledLinkToasts
      testId="token-problem-toasts"
      toasts={toasts}
      openLabel={t.open}
      dismissLabel={t.dismiss}
      onDismiss={dismiss}
    />
  );
}
