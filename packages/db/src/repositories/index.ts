import type { Db } from "../client/db";
import { createAgentsRepository } from "./agents";
import { createAuditRepository } from "./audit";
import { repositoryContext } from "./context";
import type { RepositoryOptions } from "./context";
import { createConversationsRepository } from "./conversations";
import { createEdgeRepositories } from "./edge";
import type { EdgeRepositoryOptions } from "./edge";
import { createLabelCounts } from "./label-counts";
import { createMessagesRepository } from "./messages";
import { createRagChunksRepository } from "./rag-chunks";
import { createStatsReadsRepository } from "./stats-reads";

export type { RepositoryContext } from "./context";
export { DEFAULT_MESSAGE_TTL_HOURS, repositoryContext } from "./context";
export type { EdgeRepositoryOptions } from "./edge";

export type CreateRepositoriesOptions = RepositoryOptions & EdgeRepositoryOptions;
export type { CreateRepositoriesOptions as RepositoryOptions };

export function createRepositories(db: Db, options: CreateRepositoriesOptions = {}) {
  const ctx = repositoryContext(options);
  return {
    agents: createAgentsRepository(db, ctx),
    conversations: createConversationsRepository(db, ctx),
    messages: createMessagesRepository(db, ctx),
    /** Labels in use on conversations, for the console's filter chips. */
    conversationLabels: createLabelCounts(db, ctx, "conversation"),
    audit: createAuditRepository(db, ctx),
    ragChunks: createRagChunksRepository(db, ctx),
    stats: createStatsReadsRepository(db, ctx),
    ...createEdgeRepositories(db, ctx, options),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
