import type { InstagramProfile, Repositories } from "@agents-crm/db";
import type { ConversationView } from "./views";

/** What an inbox row shows of an Instagram customer: the cached profile's name and picture. */
export interface CustomerSummary {
  name: string | null;
  username: string | null;
  pictureUrl: string | null;
}

export type ListedConversation = ConversationView & { customer?: CustomerSummary };

export type ProfileReader = (externalUserId: string) => Promise<InstagramProfile | null>;

/** Cached Instagram profiles, each read at most once per request (the search and the rows share it). */
export function createProfileReader(repos: Pick<Repositories, "instagramProfiles">): ProfileReader {
  const reads = new Map<string, Promise<InstagramProfile | null>>();
  return (externalUserId) => {
    let read = reads.get(externalUserId);
    if (!read) {
      read = repos.instagramProfiles.get(externalUserId);
      reads.set(externalUserId, read);
    }
    return read;
  };
}

/**
 * Adds the cached Instagram profile to the Instagram rows of a page: one read per distinct customer,
 * in parallel. Rows of other channels, and customers whose profile is not cached, are left as they are.
 */
export async function withCustomerProfiles(
  readProfile: ProfileReader,
  rows: readonly ConversationView[],
): Promise<ListedConversation[]> {
  const users = new Set(
    rows.flatMap((row) =>
      row.channel === "instagram" && row.externalUserId ? [row.externalUserId] : [],
    ),
  );
  const profiles = new Map(
    await Promise.all([...users].map(async (id) => [id, await readProfile(id)] as const)),
  );
  return rows.map((row) => {
    const profile =
      row.channel === "instagram" && row.externalUserId ? profiles.get(row.externalUserId) : null;
    if (!profile) return row;
    return {
      ...row,
      customer: {
        name: profile.name ?? null,
        username: profile.username ?? null,
        pictureUrl: profile.profilePic ?? null,
      },
    };
  });
}
