import type { AdminUser, Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { recordAudit } from "../audit";
import { invalidInput } from "../errors";
import { emitConversationChanged } from "./emit";
import type { StaffContext } from "./staff-context";
import { conversationView, type ConversationView } from "./views";

/** Who a staff action assigns to: a person signed in, never the API token (it is nobody to hand work to). */
export function assigneeOf(principal: StaffContext["principal"]): string | undefined {
  return principal.kind === "user" ? principal.id : undefined;
}

/** An existing, active staff user, or a clear refusal naming why. */
async function activeStaff(deps: Pick<ApiDeps, "repos">, userId: string): Promise<AdminUser> {
  const user = await deps.repos.adminUsers.getById(userId);
  if (!user) throw invalidInput("userId", "no staff member has this id");
  if (!user.isActive) throw invalidInput("userId", "this staff member is deactivated");
  return user;
}

/**
 * Assigns a conversation to a staff member, reassigns it, or unassigns it (`userId: null`). Any staff
 * member may; the status is left as it is (assigning is not taking over). Audited with the caller as
 * the actor and the old and new assignee; every open console is told, the new assignee by name.
 */
export async function assignConversation(
  ctx: StaffContext,
  input: { conversationId: string; userId: string | null },
): Promise<ConversationView> {
  const { deps } = ctx;
  const target = input.userId === null ? null : await activeStaff(deps, input.userId);
  let before: Conversation | undefined;
  const after = await deps.repos.conversations.mutate(input.conversationId, (current) => {
    before = current;
    const next = target?.userId ?? null;
    return (current.assigneeId ?? null) === next ? undefined : { assigneeId: next };
  });
  const from = before?.assigneeId ?? null;
  const to = after.assigneeId ?? null;
  if (from === to) return conversationView(after);
  const fromName = from ? ((await deps.repos.adminUsers.getById(from))?.name ?? null) : null;
  await recordAudit(ctx, {
    action: "assign",
    resourceType: "conversation",
    resourceId: input.conversationId,
    oldValue: { assigneeId: from, assigneeName: fromName },
    newValue: { assigneeId: to, assigneeName: target?.name ?? null },
    metadata: { from, to },
  });
  await emitConversationChanged(deps.hub, after, "assigned", { actorId: ctx.principal.id });
  // Whoever assigns a conversation to themselves knows already.
  if (to !== null && to !== ctx.principal.id) {
    await deps.alerts
      .assigned(after, { actorName: ctx.principal.name })
      .catch((error: unknown) => deps.log.warn("assignment alert not sent", { error }));
  }
  return conversationView(after);
}

/** The assignee's name for the detail page (null when unassigned; a deleted user keeps the id only). */
export async function assigneeCard(
  deps: Pick<ApiDeps, "repos">,
  conversation: Conversation,
): Promise<{ userId: string; name: string | null; isActive: boolean } | null> {
  if (!conversation.assigneeId) return null;
  const user = await deps.repos.adminUsers.getById(conversation.assigneeId);
  return {
    userId: conversation.assigneeId,
    name: user?.name ?? null,
    isActive: user?.isActive ?? false,
  };
}

/** Everyone a conversation can be assigned to: active staff, by name, for the console's menus. */
export async function listAssignees(deps: Pick<ApiDeps, "repos">) {
  // Names only: operators see who their colleagues are, not their roles or e-mail addresses.
  const people: { userId: string; name: string }[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.repos.adminUsers.list({ cursor, limit: 100 });
    for (const user of page.items) {
      if (user.isActive) people.push({ userId: user.userId, name: user.name });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return people.sort((a, b) => a.name.localeCompare(b.name));
}
