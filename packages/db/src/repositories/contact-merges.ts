import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { conditionalPut } from "../lib/conditional-write";
import { isConditionalCheckFailed } from "../lib/errors";
import { conversationFromItem } from "./conversation-item";
import type { Conversation } from "../schemas/conversation";
import { contactSchema, type Contact } from "../schemas/contact";
import { contactToItem } from "./contact-item";
import type { ContactKeys } from "./contact-keys";
import type { RepositoryContext } from "./context";

/** What a merge changed, so an unmerge puts both contacts back exactly as they were. */
export interface MergeRecord {
  mergeId: string;
  targetId: string;
  sourceId: string;
  /** Both contacts as they were just before the merge. */
  target: Contact;
  source: Contact;
  /** The source's conversations, re-pointed to the target. */
  conversationIds: string[];
  mergedAt: string;
  actorId: string;
  /** Earlier merges into the source, whose records this merge moved to the target (undo moves them back). */
  movedMergeIds?: string[];
}

const mergeKey = (mergeId: string) => `merge#${mergeId}`;
const MERGE_REF = "-";
/** Conversations are read whatever their expiry: an erasure or a merge must not miss an expired one. */
const NEVER = () => new Date(0);

/**
 * Staff-side contact writes that contacts-core's store does not do: a contact created by staff (CSV
 * import, no channel identity), a contact put back exactly as it was (unmerge), and merge records. A merge
 * record lives in contact-keys beside the target's keys (`key` = "merge#<id>", `contact_id` = the target),
 * so erasing the target removes it with the target's keys — it holds both contacts' data.
 */
export function createContactMerges(db: Db, ctx: RepositoryContext, keys: ContactKeys) {
  const { tables } = db;

  return {
    /** A new contact with no channel identity (staff created or imported it); false if the id is taken. */
    async create(contact: Contact): Promise<boolean> {
      const created = await conditionalPut(db, {
        TableName: tables.contacts,
        Item: contactToItem(contact),
        ConditionExpression: "attribute_not_exists(contact_id)",
      });
      if (created) await keys.sync(null, contact);
      return created;
    },

    /**
     * Puts `contact` back as it was (version moved past `current`'s), its identities pointed at it again
     * and its key items brought in line; `current` null re-creates a removed contact.
     */
    async restore(contact: Contact, current: Contact | null): Promise<Contact> {
      const restored: Contact = {
        ...contact,
        version: Math.max(contact.version, current?.version ?? 0) + 1,
        updatedAt: ctx.now().toISOString(),
      };
      await db.doc.send(
        new PutCommand({ TableName: tables.contacts, Item: contactToItem(restored) }),
      );
      for (const identity of restored.identities) {
        await keys.pointIdentity(identity.channel, identity.externalUserId, restored.contactId);
      }
      await keys.sync(current, restored, { identityClaimed: true });
      return restored;
    },

    async recordMerge(record: MergeRecord): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: tables.contactKeys,
          Item: {
            key: mergeKey(record.mergeId),
            ref: MERGE_REF,
            contact_id: record.targetId,
            record_json: JSON.stringify(record),
          },
          ConditionExpression: "attribute_not_exists(#k)",
          ExpressionAttributeNames: { "#k": "key" },
        }),
      );
    },

    /** The record and `holderId`: the contact it is filed under (the target, or who took it in since). */
    async getMerge(mergeId: string): Promise<(MergeRecord & { holderId: string }) | null> {
      const out = await db.doc.send(
        new GetCommand({
          TableName: tables.contactKeys,
          Key: { key: mergeKey(mergeId), ref: MERGE_REF },
          ConsistentRead: true,
        }),
      );
      if (typeof out.Item?.record_json !== "string") return null;
      const raw = JSON.parse(out.Item.record_json) as MergeRecord;
      return {
        ...raw,
        holderId: String(out.Item.contact_id),
        target: contactSchema.parse(raw.target),
        source: contactSchema.parse(raw.source),
      };
    },

    /** Ids of the merge records filed under a contact (merges into it that can still be undone). */
    async mergesOn(contactId: string): Promise<string[]> {
      const items = await keys.keysOf(contactId);
      return items
        .filter((item) => item.key.startsWith("merge#") && item.ref === MERGE_REF)
        .map((item) => item.key.slice("merge#".length));
    },

    /**
     * Files these merge records under another contact: a contact merged away (or put back by an undo)
     * takes the records of the merges into it along, so each stays undoable and goes with an erasure.
     */
    async moveMerges(mergeIds: readonly string[], contactId: string): Promise<void> {
      for (const mergeId of mergeIds) {
        try {
          await db.doc.send(
            new UpdateCommand({
              TableName: tables.contactKeys,
              Key: { key: mergeKey(mergeId), ref: MERGE_REF },
              UpdateExpression: "SET contact_id = :to",
              ConditionExpression: "attribute_exists(#k)",
              ExpressionAttributeNames: { "#k": "key" },
              ExpressionAttributeValues: { ":to": contactId },
            }),
          );
        } catch (error) {
          // Undone meanwhile: nothing to move.
          if (!isConditionalCheckFailed(error)) throw error;
        }
      }
    },

    /** Removes a merge record; false when another unmerge removed it first. */
    async removeMerge(mergeId: string): Promise<boolean> {
      try {
        await db.doc.send(
          new DeleteCommand({
            TableName: tables.contactKeys,
            Key: { key: mergeKey(mergeId), ref: MERGE_REF },
            ConditionExpression: "attribute_exists(#k)",
            ExpressionAttributeNames: { "#k": "key" },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof Error && error.name === "ConditionalCheckFailedException")
          return false;
        throw error;
      }
    },

    /** Every conversation of a contact, expired ones included (merge and erase must move or remove all). */
    async conversationsOf(contactId: string): Promise<Conversation[]> {
      const found: Conversation[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await db.doc.send(
          new QueryCommand({
            TableName: tables.conversations,
            IndexName: "contact-activity-index",
            KeyConditionExpression: "contact_id = :id",
            ExpressionAttributeValues: { ":id": contactId },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of out.Items ?? []) {
          const conversation = conversationFromItem(item, NEVER);
          if (conversation) found.push(conversation);
        }
        startKey = out.LastEvaluatedKey;
      } while (startKey);
      return found;
    },
  };
}

export type ContactMerges = ReturnType<typeof createContactMerges>;
