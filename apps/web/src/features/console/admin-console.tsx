"use client";

import type { ReactNode } from "react";
import { AssignmentAlerts } from "~/features/assignment/assignment-alerts";
import { AdminEventsProvider } from "./admin-events";
import { AdminShell } from "./admin-shell";
import { EscalationAlertsProvider } from "./escalation-alerts";
import { SessionGate } from "./session-gate";
import { StagesSync } from "./stages-sync";
import { StatusCountsProvider } from "~/features/inbox/status-counts-provider";
import { UnreadIndicator } from "~/features/triage/unread-indicator";
import { MentionAlerts } from "~/features/notes/mention-alerts";
import { TokenProblemAlerts } from "~/features/channels/token-problem-alerts";
import { SnoozeWokeAlerts } from "~/features/resolve/snooze-woke-alerts";
import { TopToastStack } from "~/ui/toast";

/** Everything under /admin: a signed-in user, one live event feed, live counters and alerts. */
export function AdminConsole({ children }: { children: ReactNode }) {
  return (
    <SessionGate>
      <AdminEventsProvider>
        <StagesSync />
        <UnreadIndicator />
        <StatusCountsProvider>
          <EscalationAlertsProvider>
            <AdminShell>{children}</AdminShell>
            <TopToastStack>
              <AssignmentAlerts />
              <MentionAlerts />
              <TokenProblemAlerts />
              <SnoozeWokeAlerts />
            </TopToastStack>
          </EscalationAlertsProvider>
        </StatusCountsProvider>
      </AdminEventsProvider>
    </SessionGate>
  );
}
