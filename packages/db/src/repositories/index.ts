import type { Db } from "../client/db";
import type { PhoneReader } from "../search";
import { createAgentsRepository } from "./agents";
import { createAuditRepository } from "./audit";
import { repositoryContext } from "./context";
import type { RepositoryOptions } from "./context";
import { createContactsRepository } from "./contacts";
import { createConversationsRepository } from "./conversations";
import { createEdgeRepositories } from "./edge";
import type { EdgeRepositoryOptions } from "./edge";
import { createContactMerges } from "./contact-merges";
import { createErasureRepository } from "./erasure";
import { createLabelCounts } from "./label-counts";
import { createMessagesRepository } from "./messages";
import { createRagChunksRepository } from "./rag-chunks";
import { createSearchIndexRepository } from "./search-index";
import { createStatsReadsRepository } from "./stats-reads";

export type { RepositoryContext } from "./context";
export { DEFAULT_MESSAGE_TTL_HOURS, repositoryContext } from "./context";
export type { EdgeRepositoryOptions } from "./edge";

export type CreateRepositoriesOptions = RepositoryOptions &
  EdgeRepositoryOptions & {
    /** How message text yields phone numbers for search (the API passes @agents-crm/ai's reader). */
    readPhones?: PhoneReader;
  };
export type { CreateRepositoriesOptions as RepositoryOptions };

export function createRepositories(db: Db, options: CreateRepositoriesOptions = {}) {
  const ctx = repositoryContext(options);
  const searchIndex = createSearchIndexRepository(db, ctx, options.readPhones);
  const contacts = createContactsRepository(db, ctx);
  return {
    agents: createAgentsRepository(db, ctx),
    // Both index what they write (search-index.ts), so no write path can miss the index.
    conversations: createConversationsRepository(db, ctx, searchIndex),
    messages: createMessagesRepository(db, ctx, searchIndex),
    contacts,
    /** Staff-created contacts, exact restores and merge records (contacts API). */
    contactMerges: createContactMerges(db, ctx, contacts.keys),
    searchIndex,
    /** Labels in use on conversations, for the console's filter chips. */
    conversationLabels: createLabelCounts(db, ctx, "conversation"),
    /** Deletes for the right to erasure (domain/privacy decides what). */
    erasure: createErasureRepository(db, ctx),
    audit: createAuditRepository(db, ctx),
    ragChunks: createRagChunksRepository(db, ctx),
    stats: createStatsReadsRepository(db, ctx),
    ...createEdgeRepositories(db, ctx, options),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
