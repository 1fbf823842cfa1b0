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
 * Open (neither closed nor resolved) conversations in the inbox's Mine / Unassigned / All views: per view
 * a Select COUNT of the not-closed ones (Mine on the sparse assignee index, the others on the agent or
 * all-conversations index) less its resolved ones (on the status index).
 */
export async function assigneeViewCounts(
  deps: Pick<ApiDeps, "repos">,
  principal: Staff,
  filters: { agentId?: string; channel?: Channel },
): Promise<AssigneeViewCounts> {
  const count = async (view: ConversationAssigneeFilter | undefined) => {
    const scope = { ...filters, ...assigneeFilters(view, principal) };
    const [notClosed, resolved] = await Promise.all([
      deps.repos.conversations.count({ ...scope, excludeStatus: "CLOSED" }),
      deps.repos.conversations.count({ ...scope, status: "RESOLVED" }),
    ]);
    return notClosed - resolved;
  };
  const [mine, unassigned, all] = await Promise.all([
    count("me"),
    count("unassigned"),
    count(undefined),
  ]);
  return { mine, unassigned, all };
}
