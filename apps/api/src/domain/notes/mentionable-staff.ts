import type { Mentionable } from "@agents-crm/config/notes";
import type { Repositories } from "@agents-crm/db";

/** Most accounts a clinic has; the list stops here rather than reading without end. */
const MAX_STAFF = 1000;

/** Every active staff member a note can mention, by name (the composer's `@` picker, the API's parser). */
export async function mentionableStaff(
  repos: Pick<Repositories, "adminUsers">,
): Promise<Mentionable[]> {
  const staff: Mentionable[] = [];
  let cursor: string | null = null;
  do {
    const page = await repos.adminUsers.list({ cursor, limit: 100 });
    for (const user of page.items) {
      if (user.isActive) staff.push({ userId: user.userId, name: user.name });
    }
    cursor = page.nextCursor;
  } while (cursor !== null && staff.length < MAX_STAFF);
  return staff.sort((a, b) => a.name.localeCompare(b.name));
}
