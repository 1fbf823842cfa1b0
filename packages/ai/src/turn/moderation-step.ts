import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { CallMetrics, ModerationResult, Moderator } from "../providers/types";
import { errorFields } from "./log-fields";
import type { TurnLogger } from "./types";

export interface ModerationVerdict {
  flagged: boolean;
  category: string | null;
  metrics: CallMetrics | null;
}

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** With `moderation.categories` set, only those categories (or their sub-categories) count. */
function counts(config: AgentConfig, result: ModerationResult): boolean {
  if (!result.flagged) return false;
  const wanted = config.moderation.categories.map(squash).filter(Boolean);
  if (wanted.length === 0) return true;
  const flagged = Object.entries(result.categories)
    .filter(([, on]) => on)
    .map(([name]) => squash(name));
  if (result.category) flagged.push(squash(result.category));
  return flagged.some((name) => wanted.some((category) => name.startsWith(category)));
}

/** Moderation fails open: an unavailable moderation service must not silence the clinic. */
export async function moderate(
  moderator: Moderator,
  config: AgentConfig,
  text: string,
  context: { agentId: string; stage: "input" | "output"; logger: TurnLogger; signal?: AbortSignal },
): Promise<ModerationVerdict> {
  try {
    const result = await moderator.moderate(text, context.signal);
    const flagged = counts(config, result);
    return { flagged, category: flagged ? result.category : null, metrics: result.metrics };
  } catch (error) {
    if (context.signal?.aborted) return { flagged: false, category: null, metrics: null };
    context.logger.warn("moderation failed; continuing unmoderated", {
      agentId: context.agentId,
      stage: context.stage,
      ...errorFields(error),
    });
    return { flagged: false, category: null, metrics: null };
  }
}
