import type { Channel } from "~/features/console/types";

/** One channel account of a person, with what the platform told of them. */
export interface ContactIdentity {
  channel: Channel;
  externalUserId: string;
  agentId: string;
  username?: string | null;
  displayName?: string | null;
  profile?: { pictureUrl?: string | null; [key: string]: unknown } | null;
}

/** A contact as the console shows it (the shared `contactViewSchema`'s fields the pages read). */
export interface ContactSummary {
  contactId: string;
  name: string | null;
  phones: readonly string[];
  emails: readonly string[];
  identities: readonly ContactIdentity[];
  labels: readonly string[];
  lastSeenAt?: string | null;
}
