import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { batchWriteAll, type WriteRequest } from "../lib/batch-write";
import { isConditionalCheckFailed } from "../lib/errors";
import type { Conversation } from "../schemas/conversation";
import type { Message } from "../schemas/message";
import { conversationIdTerms, textTerms, type PhoneReader } from "../search";
import {
  ROOT,
  docKey,
  messagePart,
  reverseKey,
  termKey,
  type SearchKind,
} from "./search-index-keys";
import { createTermRelease } from "./search-index-term-release";

type Item = Record<string, unknown>;

/** What a contact is found by; structural, so the contacts model can evolve without this file. */
export interface IndexableContact {
  contactId: string;
  createdAt: string;
  name?: string | null;
  phones?: readonly string[];
  emails?: readonly string[];
  identities?: readonly {
    externalUserId?: string;
    username?: string;
    displayName?: string;
  }[];
  labels?: readonly string[];
}

interface Root {
  key: string;
  terms: string[];
  agentId?: string;
  expiresAt?: number;
  /** Terms whose items are known written with an expiry of at least `writtenUntil` (see indexMessage). */
  written?: Set<string>;
  writtenUntil?: number;
}

/**
 * A conversation's term items expire at their message's expiry rounded up to a step of 1/48 of the
 * retention (at least a minute, at most an hour), so the messages of one step share one expiry: a word
 * the conversation already has under that expiry needs no new write (indexMessage). An entry may so
 * outlive its message by less than one step; every other entry still expires with its message.
 */
const MAX_EXPIRY_STEP_S = 3600;
const MIN_EXPIRY_STEP_S = 60;
/** Bound on the root's `written` set (item size); past it a message's terms are simply rewritten. */
const MAX_WRITTEN_TERMS = 3000;
/** Longer terms (a pasted blob) are not claimed, only rewritten: they would bloat the root item. */
const MAX_CLAIMED_TERM_LENGTH = 64;
/** `writtenUntil` of items that never expire. */
const NEVER = Number.MAX_SAFE_INTEGER;

function steppedExpiry(message: Message): number | undefined {
  if (message.expiresAt === undefined) return undefined;
  const retention = message.expiresAt - Math.floor(Date.parse(message.timestamp) / 1000);
  const step = Math.min(MAX_EXPIRY_STEP_S, Math.max(MIN_EXPIRY_STEP_S, Math.floor(retention / 48)));
  return Math.ceil(message.expiresAt / step) * step;
}

const termsOf = (item: Item | undefined): string[] =>
  Array.isArray(item?.terms) ? item.terms.filter((t): t is string => typeof t === "string") : [];

export function createSearchIndexWrites(db: Db, readPhones: PhoneReader) {
  const TableName = db.tables.searchIndex;
  const termRelease = createTermRelease(db);

  async function getRoot(kind: SearchKind, id: string): Promise<Root | undefined> {
    const out = await db.doc.send(
      new GetCommand({ TableName, Key: { term: reverseKey(kind, id), doc: ROOT } }),
    );
    const item = out.Item;
    if (!item || typeof item.key !== "string") return undefined;
    const written = item.written instanceof Set ? (item.written as Set<string>) : undefined;
    return {
      key: item.key,
      terms: termsOf(item),
      agentId: typeof item.agent_id === "string" ? item.agent_id : undefined,
      expiresAt: typeof item.expires_at === "number" ? item.expires_at : undefined,
      written,
      writtenUntil: typeof item.written_until === "number" ? item.written_until : undefined,
    };
  }

  function putRoot(kind: SearchKind, id: string, root: Root, onlyIfNew = false) {
    return db.doc.send(
      new PutCommand({
        TableName,
        Item: {
          term: reverseKey(kind, id),
          doc: ROOT,
          key: root.key,
          terms: root.terms,
          agent_id: root.agentId,
          expires_at: root.expiresAt,
        },
        ConditionExpression: onlyIfNew ? "attribute_not_exists(#t)" : undefined,
        ExpressionAttributeNames: onlyIfNew ? { "#t": "term" } : undefined,
      }),
    );
  }

  const termPuts = (
    kind: SearchKind,
    terms: Iterable<string>,
    key: string,
    attributes: { agentId?: string; expiresAt?: number },
  ): WriteRequest[] =>
    [...new Set(terms)].map((term) => ({
      PutRequest: {
        Item: {
          term: termKey(kind, term),
          doc: key,
          agent_id: attributes.agentId,
          expires_at: attributes.expiresAt,
        },
      },
    }));

  /**
   * The conversation's root, made from the message when the conversation was never indexed (created
   * before the index existed, or by a path that did not index it): its first message's time stands in
   * for its creation time, so it still sorts among its peers.
   */
  async function conversationRoot(message: Message): Promise<Root> {
    const existing = await getRoot("c", message.conversationId);
    if (existing) return existing;
    const root: Root = {
      key: docKey(message.timestamp, message.conversationId),
      terms: conversationIdTerms(message.conversationId),
      agentId: message.agentId,
      expiresAt: message.expiresAt,
    };
    try {
      await putRoot("c", message.conversationId, root, true);
      return root;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      return (await getRoot("c", message.conversationId)) ?? root;
    }
  }

  async function removeDocument(kind: SearchKind, id: string): Promise<void> {
    const deletes: WriteRequest[] = [];
    const terms = new Set<string>();
    const keys = new Set<string>();
    let startKey: Item | undefined;
    do {
      const out = await db.doc.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: "#t = :t",
          ExpressionAttributeNames: { "#t": "term" },
          ExpressionAttributeValues: { ":t": reverseKey(kind, id) },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of out.Items ?? []) {
        for (const term of termsOf(item)) terms.add(term);
        if (typeof item.key === "string") keys.add(item.key);
        deletes.push({ DeleteRequest: { Key: { term: item.term, doc: item.doc } } });
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    for (const key of keys) {
      for (const term of terms) {
        deletes.unshift({ DeleteRequest: { Key: { term: termKey(kind, term), doc: key } } });
      }
    }
    // Term items first, reverse items last: a failure part way leaves the list that finishes the job.
    await batchWriteAll(db, TableName, deletes);
  }

  /**
   * Adds `fresh` to the root's `written` claim (or starts a new claim for a later expiry step) and
   * extends the root's expiry. Conditional, so concurrent messages never claim a step they did not
   * write; a lost race only means those terms are written again by a later message.
   */
  async function recordWritten(
    conversationId: string,
    root: Root,
    fresh: string[],
    until: number,
    sameStep: boolean,
  ): Promise<void> {
    const Key = { term: reverseKey("c", conversationId), doc: ROOT };
    fresh = fresh.filter((term) => term.length <= MAX_CLAIMED_TERM_LENGTH);
    const expiry = until === NEVER ? undefined : until;
    const extend = expiry !== undefined && (root.expiresAt ?? 0) < expiry;
    const size = (sameStep ? (root.written?.size ?? 0) : 0) + fresh.length;
    if (size > MAX_WRITTEN_TERMS || (sameStep && fresh.length === 0)) {
      if (extend) await extendRoot(Key, expiry);
      return;
    }
    const values: Record<string, unknown> = { ":w": new Set(fresh), ":u": until };
    if (extend) values[":e"] = expiry;
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName,
          Key,
          UpdateExpression: sameStep
            ? `ADD written :w${extend ? " SET expires_at = :e" : ""}`
            : `SET written = :w, written_until = :u${extend ? ", expires_at = :e" : ""}`,
          ConditionExpression: sameStep
            ? "written_until = :u"
            : "attribute_not_exists(written_until) OR written_until < :u",
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      if (extend) await extendRoot(Key, expiry);
    }
  }

  function extendRoot(Key: Item, expiresAt: number) {
    return db.doc
      .send(
        new UpdateCommand({
          TableName,
          Key,
          UpdateExpression: "SET expires_at = :e",
          ConditionExpression: "attribute_not_exists(expires_at) OR expires_at < :e",
          ExpressionAttributeValues: { ":e": expiresAt },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionalCheckFailed(error)) throw error;
      });
  }

  /**
   * Indexes one message's words, e-mails and phones under its conversation, expiring with it (to the
   * step of steppedExpiry). The conversation's own terms (ids, name) are written again with the new
   * expiry, so they live as long as its newest message.
   *
   * Cost: the root (one GetItem) holds `written`, the terms already written with an expiry of at least
   * `written_until`; those are skipped, so a word the conversation already used in this expiry step
   * costs nothing. The claim is recorded only after its items are written (never ahead of them), so a
   * failure or a kill part way leaves terms rewritten later, never terms missing.
   */
  async function indexMessage(message: Message): Promise<void> {
    const root = await conversationRoot(message);
    const terms = textTerms(message.content, readPhones);
    const expiresAt = steppedExpiry(message);
    const until = expiresAt ?? NEVER;
    const claimed =
      root.written && root.writtenUntil !== undefined && root.writtenUntil >= until
        ? root.written
        : undefined;
    const fresh = [...new Set([...terms, ...root.terms])].filter((t) => !claimed?.has(t));
    const attributes = { agentId: root.agentId ?? message.agentId, expiresAt };
    const writes = termPuts("c", fresh, root.key, attributes);
    if (terms.length > 0) {
      // What removeConversation finds this message's terms by; it lives as long as their items.
      writes.push({
        PutRequest: {
          Item: {
            term: reverseKey("c", message.conversationId),
            doc: messagePart(message.messageId),
            key: root.key,
            terms,
            expires_at: expiresAt,
          },
        },
      });
    }
    await batchWriteAll(db, TableName, writes, { parallel: true });
    await recordWritten(message.conversationId, root, fresh, until, claimed !== undefined);
  }

  return {
    /**
     * Indexes a conversation and its stored messages in one go (the backfill): each term is written once
     * with the latest expiry of the messages holding it, in batches of 25. Returns the items written.
     */
    async indexHistory(conversation: Conversation, messages: readonly Message[]): Promise<number> {
      const id = conversation.conversationId;
      const existing = await getRoot("c", id);
      const own = [...conversationIdTerms(id), ...(existing?.terms ?? [])];
      if (conversation.externalUserId)
        own.push(...textTerms(conversation.externalUserId, readPhones));
      const key = existing?.key ?? docKey(conversation.createdAt, id);
      const lastExpiry = messages.reduce<number | undefined>(
        (latest, m) => (m.expiresAt === undefined ? latest : Math.max(latest ?? 0, m.expiresAt)),
        conversation.expiresAt,
      );
      const expiryOf = new Map<string, number | undefined>();
      const writes: WriteRequest[] = [];
      for (const message of messages) {
        const terms = textTerms(message.content, readPhones);
        if (terms.length === 0) continue;
        for (const term of terms) {
          const known = expiryOf.get(term);
          const next = message.expiresAt;
          expiryOf.set(
            term,
            next === undefined || known === undefined ? (next ?? known) : Math.max(known, next),
          );
        }
        writes.push({
          PutRequest: {
            Item: {
              term: reverseKey("c", id),
              doc: messagePart(message.messageId),
              key,
              terms,
              expires_at: message.expiresAt,
            },
          },
        });
      }
      for (const term of own) expiryOf.set(term, lastExpiry);
      for (const [term, expiresAt] of expiryOf) {
        writes.push(...termPuts("c", [term], key, { agentId: conversation.agentId, expiresAt }));
      }
      await batchWriteAll(db, TableName, writes);
      await putRoot("c", id, {
        key,
        terms: [...new Set(own)],
        agentId: conversation.agentId,
        expiresAt: lastExpiry,
      });
      return writes.length + 1;
    },

    indexMessage,

    /**
     * Indexes a message whose text changed (a staff note edited or deleted): its new words become
     * findable and the words only its old text held are taken out, so a search for a removed word no
     * longer finds the conversation.
     */
    async reindexMessage(message: Message): Promise<void> {
      const part = {
        term: reverseKey("c", message.conversationId),
        doc: messagePart(message.messageId),
      };
      const before = await db.doc.send(
        new GetCommand({ TableName, Key: part, ConsistentRead: true }),
      );
      const now = new Set(textTerms(message.content, readPhones));
      if (now.size > 0) await indexMessage(message);
      else await db.doc.send(new DeleteCommand({ TableName, Key: part }));
      await termRelease.release(
        message.conversationId,
        termsOf(before.Item).filter((term) => !now.has(term)),
      );
    },

    /**
     * A conversation's ids (full and the inbox's short id), its external user id and `names` (its
     * contact's name, profile names). Terms are only added (one a message also holds must not vanish),
     * unless `replaceNames`: then `names` is the whole list — its contact's, after a rename — and the
     * names it no longer has stop finding it (words a message holds still do).
     */
    async indexConversation(
      conversation: Pick<
        Conversation,
        "conversationId" | "agentId" | "createdAt" | "externalUserId" | "expiresAt"
      >,
      extra: { names?: readonly (string | null | undefined)[]; replaceNames?: boolean } = {},
    ): Promise<void> {
      const id = conversation.conversationId;
      const existing = await getRoot("c", id);
      const texts = [conversation.externalUserId, ...(extra.names ?? [])];
      const terms = new Set([
        ...(extra.replaceNames ? [] : (existing?.terms ?? [])),
        ...conversationIdTerms(id),
        ...texts.flatMap((text) => (text ? textTerms(text, readPhones) : [])),
      ]);
      const root: Root = {
        key: existing?.key ?? docKey(conversation.createdAt, id),
        terms: [...terms],
        agentId: conversation.agentId,
        expiresAt: Math.max(existing?.expiresAt ?? 0, conversation.expiresAt ?? 0) || undefined,
      };
      await batchWriteAll(db, TableName, termPuts("c", root.terms, root.key, root));
      await putRoot("c", id, root);
      const dropped = (existing?.terms ?? []).filter((term) => !terms.has(term));
      await termRelease.release(id, dropped);
    },

    /** A contact's name, phones, e-mails, usernames, display names and labels; stale terms are dropped. */
    async indexContact(contact: IndexableContact): Promise<void> {
      const existing = await getRoot("p", contact.contactId);
      const texts = [
        contact.name,
        ...(contact.emails ?? []),
        ...(contact.labels ?? []),
        ...(contact.identities ?? []).flatMap((i) => [i.externalUserId, i.username, i.displayName]),
      ];
      const terms = new Set(texts.flatMap((text) => (text ? textTerms(text, readPhones) : [])));
      for (const phone of contact.phones ?? []) {
        for (const term of textTerms(phone, readPhones)) terms.add(term);
      }
      const key = existing?.key ?? docKey(contact.createdAt, contact.contactId);
      const stale = (existing?.terms ?? []).filter((term) => !terms.has(term));
      await batchWriteAll(db, TableName, [
        ...termPuts("p", terms, key, {}),
        ...stale.map((term) => ({
          DeleteRequest: { Key: { term: termKey("p", term), doc: key } },
        })),
      ]);
      await putRoot("p", contact.contactId, { key, terms: [...terms] });
    },

    /** Everything the index holds of a conversation: a Query of its reverse items, never a Scan. */
    removeConversation: (conversationId: string) => removeDocument("c", conversationId),
    removeContact: (contactId: string) => removeDocument("p", contactId),
  };
}
