import type { AdminUser, Repositories } from "@agents-crm/db";
import type { Staff } from "./principal";
import { conflict, forbidden } from "../domain/errors";

/** Admin accounts are few (a team, not a customer base), so counting pages through all of them. */
export async function countActiveOwners(repos: Pick<Repositories, "adminUsers">): Promise<number> {
  let owners = 0;
  let cursor: string | null = null;
  do {
    const page = await repos.adminUsers.list({ cursor, limit: 500 });
    owners += page.items.filter((u) => u.role === "owner" && u.isActive).length;
    cursor = page.nextCursor;
  } while (cursor);
  return owners;
}

export const isActiveOwner = (user: Pick<AdminUser, "role" | "isActive">) =>
  user.role === "owner" && user.isActive;

export const lastOwnerError = () =>
  conflict("This is the last active owner: make someone else an owner first");

/** Only owners (and the machine token, which acts as one) may create, change or remove owners. */
export function assertMayManageOwners(actor: Staff, what: string): void {
  if (actor.role !== "owner") {
    throw forbidden(`Only owners can ${what}`);
  }
}

/**
 * Without transactions, two owners demoting each other at once could both see "another owner exists".
 * So the change is applied, the owners recounted, and the change undone if it left none.
 */
export async function keepingAnOwner<T>(
  repos: Pick<Repositories, "adminUsers">,
  change: () => Promise<T>,
  undo: () => Promise<unknown>,
): Promise<T> {
  if ((await countActiveOwners(repos)) <= 1) throw lastOwnerError();
  const result = await change();
  if ((await countActiveOwners(repos)) === 0) {
    await undo();
    throw lastOwnerError();
  }
  return result;
}
