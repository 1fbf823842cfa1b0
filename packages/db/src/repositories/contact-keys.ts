import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Channel } from "@agents-crm/config/channels";
import type { Db } from "../client/db";
import { batchDeleteAll, batchWriteAll, type WriteRequest } from "../lib/batch-write";
import { conditionalPut } from "../lib/conditional-write";
import { isConditionalCheckFailed } from "../lib/errors";
import { queryAll } from "../lib/query";
import type { Contact } from "../schemas/contact";
import type { RepositoryContext } from "./context";
import {
  channelKey,
  channelsOf,
  contactActivitySort,
  emailKey,
  IDENTITY_REF,
  identityKey,
  labelKey,
  phoneKey,
} from "./contact-item";

type Item = Record<string, unknown>;

/** One key item: `key` + `ref` is its primary key, the rest rides along. */
export interface ContactKeyItem {
  key: string;
  ref: string;
  contactId: string;
}

const keyId = (item: { key: string; ref: string }) => `${item.key}\u0000${item.ref}`;

/**
 * Every key item a contact should have: its identities (unique per identity), phones and e-mails (shared,
 * one per contact), and its list memberships (labels, channels) carrying the activity sort of the list.
 */
export function desiredKeyItems(contact: Contact): Item[] {
  const base = { contact_id: contact.contactId };
  const listSort = contactActivitySort(contact);
  const channels = channelsOf(contact);
  const identities = new Map<string, Item>();
  for (const identity of contact.identities) {
    const key = identityKey(identity.channel, identity.externalUserId);
    if (!identities.has(key))
      identities.set(key, { key, ref: IDENTITY_REF, ...base, agent_id: identity.agentId });
  }
  return [
    ...identities.values(),
    ...contact.phones.map((phone) => ({ key: phoneKey(phone), ref: contact.contactId, ...base })),
    ...contact.emails.map((email) => ({ key: emailKey(email), ref: contact.contactId, ...base })),
    ...contact.labels.map((label) => ({
      key: labelKey(label),
      ref: contact.contactId,
      ...base,
      list_sort: listSort,
      // A label list filtered by channel too stays a Query on the label's partition.
      channels,
    })),
    ...channels.map((channel) => ({
      key: channelKey(channel),
      ref: contact.contactId,
      ...base,
      list_sort: listSort,
    })),
  ];
}

const sameItem = (a: Item, b: Item) => JSON.stringify(a) === JSON.stringify(b);

/** The contact-keys table: lookups by identity, phone and e-mail, and the label/channel list memberships. */
export function createContactKeys(db: Db, _ctx: RepositoryContext) {
  const TableName = db.tables.contactKeys;

  return {
    /** The contact an identity points at, or null. */
    async identityOwner(channel: Channel, externalUserId: string): Promise<string | null> {
      const out = await db.doc.send(
        new GetCommand({
          TableName,
          Key: { key: identityKey(channel, externalUserId), ref: IDENTITY_REF },
          ConsistentRead: true,
        }),
      );
      return typeof out.Item?.contact_id === "string" ? out.Item.contact_id : null;
    },

    /** Claims an identity for `contactId`; false when another contact already holds it. */
    claimIdentity(
      channel: Channel,
      externalUserId: string,
      contactId: string,
      agentId: string,
    ): Promise<boolean> {
      return conditionalPut(db, {
        TableName,
        Item: {
          key: identityKey(channel, externalUserId),
          ref: IDENTITY_REF,
          contact_id: contactId,
          agent_id: agentId,
        },
        ConditionExpression: "attribute_not_exists(#k) OR contact_id = :me",
        ExpressionAttributeNames: { "#k": "key" },
        ExpressionAttributeValues: { ":me": contactId },
      });
    },

    /** Points an identity at `contactId` whoever held it (a merge moving it to the target). */
    async pointIdentity(channel: Channel, externalUserId: string, contactId: string) {
      await db.doc.send(
        new PutCommand({
          TableName,
          Item: {
            key: identityKey(channel, externalUserId),
            ref: IDENTITY_REF,
            contact_id: contactId,
          },
        }),
      );
    },

    /** Contact ids holding this key (a phone's or e-mail's), for merge suggestions. */
    contactsWith(key: string): Promise<string[]> {
      return queryAll(
        db,
        {
          TableName,
          KeyConditionExpression: "#k = :key",
          ExpressionAttributeNames: { "#k": "key" },
          ExpressionAttributeValues: { ":key": key },
          ProjectionExpression: "contact_id",
        },
        (item) => (typeof item.contact_id === "string" ? item.contact_id : undefined),
      );
    },

    /** Every key item pointing at a contact (a Query on `contact-index`). */
    keysOf(contactId: string): Promise<ContactKeyItem[]> {
      return queryAll(
        db,
        {
          TableName,
          IndexName: "contact-index",
          KeyConditionExpression: "contact_id = :id",
          ExpressionAttributeValues: { ":id": contactId },
        },
        (item) => ({ key: String(item.key), ref: String(item.ref), contactId }),
      );
    },

    /**
     * Brings the key items from what `before` had to what `after` has: writes new or changed ones, deletes
     * the gone ones. An identity is deleted only while it still points at this contact (a merge may have
     * moved it). Runs after the contact's own conditional write, so the contact item stays the truth and
     * readers of phone/e-mail keys check it.
     */
    async sync(
      before: Contact | null,
      after: Contact,
      options: { identityClaimed?: boolean } = {},
    ): Promise<void> {
      const old = new Map(
        (before ? desiredKeyItems(before) : []).map((i) => [keyId(i as never), i]),
      );
      const next = new Map(desiredKeyItems(after).map((i) => [keyId(i as never), i]));
      const puts: WriteRequest[] = [];
      const deletes: Item[] = [];
      for (const [id, item] of next) {
        const previous = old.get(id);
        if (!previous || !sameItem(previous, item)) puts.push({ PutRequest: { Item: item } });
      }
      for (const [id, item] of old) if (!next.has(id)) deletes.push(item);
      const isIdentity = (p: WriteRequest) =>
        "PutRequest" in p && p.PutRequest.Item.ref === IDENTITY_REF;
      // A claimed identity was just written by the claim itself.
      const identityPuts = options.identityClaimed ? [] : puts.filter(isIdentity);
      const otherPuts = puts.filter((p) => !isIdentity(p));
      await Promise.all([
        ...identityPuts.map((p) =>
          "PutRequest" in p
            ? conditionalPut(db, {
                TableName,
                Item: p.PutRequest.Item,
                ConditionExpression: "attribute_not_exists(#k) OR contact_id = :me",
                ExpressionAttributeNames: { "#k": "key" },
                ExpressionAttributeValues: { ":me": after.contactId },
              })
            : undefined,
        ),
        // One item (a new contact's channel list entry, most often) is a plain put: cheaper than a batch.
        otherPuts.length === 1 && "PutRequest" in otherPuts[0]!
          ? db.doc.send(new PutCommand({ TableName, Item: otherPuts[0].PutRequest.Item }))
          : otherPuts.length
            ? batchWriteAll(db, TableName, otherPuts)
            : undefined,
        ...deletes.map((item) =>
          db.doc
            .send(
              new DeleteCommand({
                TableName,
                Key: { key: item.key, ref: item.ref },
                ConditionExpression: "contact_id = :me",
                ExpressionAttributeValues: { ":me": after.contactId },
              }),
            )
            .catch((error: unknown) => {
              if (!isConditionalCheckFailed(error)) throw error;
            }),
        ),
      ]);
    },

    /** Deletes every key item of a contact (erase; after a merge moved the identities away). */
    async removeAll(contactId: string): Promise<void> {
      const keys = await queryAll(
        db,
        {
          TableName,
          IndexName: "contact-index",
          KeyConditionExpression: "contact_id = :id",
          ExpressionAttributeValues: { ":id": contactId },
        },
        (item) => ({ key: item.key, ref: item.ref }),
      );
      await batchDeleteAll(db, TableName, keys);
    },

    /** Raw Query helper for the list memberships (label / channel). */
    listQuery: (key: string, filterChannel?: Channel) =>
      ({
        TableName,
        IndexName: "list-index",
        KeyConditionExpression: "#k = :key",
        ExpressionAttributeNames: { "#k": "key" },
        ExpressionAttributeValues: {
          ":key": key,
          ...(filterChannel ? { ":ch": filterChannel } : {}),
        },
        ...(filterChannel ? { FilterExpression: "contains(channels, :ch)" } : {}),
        ScanIndexForward: false,
      }) as const,
  };
}

export type ContactKeys = ReturnType<typeof createContactKeys>;
