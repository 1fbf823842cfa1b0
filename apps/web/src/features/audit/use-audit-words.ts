"use client";

import { useMemo } from "react";
import { auditSentence, type SentenceLookups } from "./audit-sentence";
import type { AuditEntry } from "./types";
import { useT } from "~/i18n/i18n-provider";
import { useAgents, useStages } from "~/features/console/use-lookups";

/** Entries in words in the chosen language, with stage and agent names from the console's lookups. */
export function useAuditWords() {
  const t = useT("audit");
  const common = useT("common");
  const { byId: stages } = useStages();
  const { byId: agents } = useAgents();
  return useMemo(() => {
    const lookups: SentenceLookups = {
      stageName: (id) => stages.get(id)?.name ?? id,
      roleName: (role) => (common.roles as Record<string, string>)[role] ?? role,
      channelName: (channel) => (common.channels as Record<string, string>)[channel] ?? channel,
      agentName: (id) => agents.get(id)?.card.displayName,
    };
    return (entry: AuditEntry) => auditSentence(entry, t, lookups);
  }, [t, common, stages, agents]);
}
