import type { Db } from "../client/db";
import { newUuid } from "../lib/ids";
import type { Conversation, CreateConversationInput } from "../schemas/conversation";
import type { RepositoryContext } from "./context";
import { createTouchActivity } from "./conversation-activity";
import { createConversationLists } from "./conversation-lists";
import { createConversationLookup } from "./conversation-lookup";
import type { FindOrCreateInput, FindOrCreateResult } from "./conversation-lookup";
import { createConversationBatchGet } from "./conversation-batch-get";
import { createConversationStore } from "./conversation-store";
import type { SearchIndexRepository } from "./search-index";

export type { ConversationFilters } from "./conversation-listing";
export type { ListConversationsOptions } from "./conversation-lists";
export type { MutateOptions } from "./conversation-store";

/**
 * Conversations: the single-item store (get, update, mutate), the find-or-create lookup, activity
 * touches and the lists, composed into one repository.
 */
export function createConversationsRepository(
  db: Db,
  ctx: RepositoryContext,
  searchIndex: Pick<SearchIndexRepository, "indexConversation">,
) {
  const store = createConversationStore(db, ctx);
  const lookup = createConversationLookup(db, ctx, store);

  return {
    get: store.get,
    getMany: createConversationBatchGet(db, ctx),

    /** A new conversation with a random uuid (web chat: one per visitor token). */
    async create(input: CreateConversationInput): Promise<Conversation> {
      const conversation = store.newConversation(newUuid(), input);
      if (!(await store.putNew(conversation))) throw new Error("conversation id collision");
      await searchIndex.indexConversation(conversation);
      return conversation;
    },

    /** The one live conversation of (agent, channel, external user); see conversation-lookup.ts. */
    async findOrCreate(input: FindOrCreateInput): Promise<FindOrCreateResult> {
      const result = await lookup.findOrCreate(input);
      if (result.created) await searchIndex.indexConversation(result.conversation);
      return result;
    },

    update: store.update,
    mutate: store.mutate,
    touchActivity: createTouchActivity(db, ctx, store, lookup.refreshLookup),
    ...createConversationLists(db, ctx, store),
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
