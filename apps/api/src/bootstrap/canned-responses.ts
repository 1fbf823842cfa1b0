import { AlreadyExistsError, VersionConflictError, type Repositories } from "@agents-crm/db";
import { CANNED_RESPONSE_SEEDS } from "./canned-response-seeds";

/** Set once the seeds were written: responses staff delete later are not brought back. */
export const CANNED_SEEDED_KEY = "canned-responses.seeded";

/**
 * First start only. The mark is written after the seeds, so a start that dies half-way seeds again, and
 * the shortcut claims keep that from making duplicates.
 */
export async function ensureCannedResponses(
  repos: Pick<Repositories, "cannedResponses" | "settings">,
): Promise<number> {
  if (await repos.settings.get(CANNED_SEEDED_KEY)) return 0;
  let created = 0;
  for (const seed of CANNED_RESPONSE_SEEDS) {
    try {
      await repos.cannedResponses.create(seed);
      created++;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }
  try {
    await repos.settings.put(CANNED_SEEDED_KEY, { count: created }, { expectedVersion: 0 });
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
  }
  return created;
}
