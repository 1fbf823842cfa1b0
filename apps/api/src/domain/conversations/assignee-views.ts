import type { Channel } from "@agents-crm/config/channels";
import type { ConversationAssigneeFilter } from "@agents-crm/config/conversations";
import type { ApiDeps } from "../../deps";
import type { Staff } from "../../auth/principal";

/** The repository filters of an inbox view: "me" is the caller, never an id the client names as "me". */
export function assigneeFilters(
  assignee: ConversationAssigneeFilter | undefined,
  principal: Staff,
): { assigneeId?: string; unassigned?: boolean } {
  if (assignee === undefined) return {};
  if (assignee === "unassigned") return { unassigned: true };
  return { assigneeId: assignee === "me" ? principal.id : assignee };
}

export interface AssigneeViewCounts {
  mine: number;
  unassigned: number;
  all: number;
}

/**
 * Open (not closed) conversations in the inbox's Mine / Unassigned / All views: three Select COUNT
 * queries — Mine on the sparse assignee index, the other two on the agent or all-conversations index.
 */
export async function assigneeViewCounts(
  deps: Pick<ApiDeps, "repos">,
  principal: Staff,
  filters: { agentId?: string; channel?: Channel },
): Promise<AssigneeViewCounts> {
  const count = (view: ConversationAssigneeFilter | undefined) =>
    deps.repos.conversations.count({
      ...filters,
      ...assigneeFilters(view, principal),
      excludeStatus: "CLOSED",
    });
  const [mine, unassigned, all] = await Promise.all([
    count("me"),
    count("unassigned"),
    count(undefined),
  ]);
  return { mine, unassigned, all };
}
