import { BatchGetCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Channel } from "@agents-crm/config/channels";
import type { ContactTimelineEntry } from "@agents-crm/config/contacts";
import type { Db } from "../client/db";
import { clampLimit, type Page, type PageRequest } from "../lib/page";
import { keyAttributes, queryPage } from "../lib/query";
import type { Contact } from "../schemas/contact";
import type { RepositoryContext } from "./context";
import {
  CONTACT_ALL_PK,
  CONTACT_KEYS_TABLE,
  CONTACTS_TABLE,
  channelKey,
  contactFromItem,
  emailKey,
  labelKey,
  normalizedEmails,
  normalizedPhones,
  phoneKey,
} from "./contact-item";
import type { ContactKeys } from "./contact-keys";
import { CONVERSATIONS_TABLE, conversationFromItem } from "./conversation-item";

type Item = Record<string, unknown>;

/** DynamoDB's per-call limit for BatchGetItem. */
const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 8;

export interface ListContactsOptions extends PageRequest {
  label?: string;
  channel?: Channel;
}

/**
 * Reading contacts: by id, by identity, the list (newest activity first; by label or channel through the
 * membership items of contact-keys, so a filter is a Query on its own partition, never a scan), the
 * contacts sharing a phone or e-mail, and a contact's conversations across channels.
 */
export function createContactReads(db: Db, ctx: RepositoryContext, keys: ContactKeys) {
  const TableName = db.tables.contacts;

  const get = async (contactId: string): Promise<Contact | null> => {
    const out = await db.doc.send(
      new GetCommand({ TableName, Key: { contact_id: contactId }, ConsistentRead: true }),
    );
    return out.Item ? contactFromItem(out.Item) : null;
  };

  /** The contacts that exist among `contactIds`, in the order asked. */
  const getMany = async (contactIds: readonly string[]): Promise<Contact[]> => {
    const unique = [...new Set(contactIds)];
    const found = new Map<string, Contact>();
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      let pending: Item[] = unique
        .slice(start, start + BATCH_GET_LIMIT)
        .map((id) => ({ contact_id: id }));
      for (let round = 0; pending.length > 0 && round < MAX_ROUNDS; round++) {
        const out = await db.doc.send(
          new BatchGetCommand({ RequestItems: { [TableName]: { Keys: pending } } }),
        );
        for (const item of out.Responses?.[TableName] ?? []) {
          const contact = contactFromItem(item);
          found.set(contact.contactId, contact);
        }
        pending = (out.UnprocessedKeys?.[TableName]?.Keys ?? []) as Item[];
      }
      if (pending.length > 0) throw new Error(`contacts: ${pending.length} keys still unprocessed`);
    }
    return contactIds.flatMap((id) => {
      const contact = found.get(id);
      return contact ? [contact] : [];
    });
  };

  /** Contacts holding a key, checked against the contact itself (a key write may lag an edit). */
  const sharing = async (key: string, holds: (contact: Contact) => boolean): Promise<Contact[]> =>
    (await getMany(await keys.contactsWith(key))).filter(holds);

  return {
    get,
    getMany,

    /**
     * The contact of a channel identity. `agentId` is accepted for the callers' symmetry but not part of
     * the key: the platform's id names the person whichever of the business's agents they wrote to.
     */
    async findByIdentity(
      channel: Channel,
      _agentId: string,
      externalUserId: string,
    ): Promise<Contact | null> {
      const contactId = await keys.identityOwner(channel, externalUserId);
      return contactId ? get(contactId) : null;
    },

    /** Every contact with this phone (any format; compared as E.164). */
    keysByPhone(phone: string): Promise<Contact[]> {
      const [normal] = normalizedPhones([phone]);
      if (!normal) return Promise.resolve([]);
      return sharing(phoneKey(normal), (c) => c.phones.includes(normal));
    },

    /** Every contact with this e-mail (any case). */
    keysByEmail(email: string): Promise<Contact[]> {
      const [normal] = normalizedEmails([email]);
      if (!normal) return Promise.resolve([]);
      return sharing(emailKey(normal), (c) => c.emails.includes(normal));
    },

    /** Newest activity first. Unfiltered: the contacts table's own index; filtered: a membership list. */
    async list(options: ListContactsOptions = {}): Promise<Page<Contact>> {
      const limit = clampLimit(options.limit);
      const scope = `contacts:${options.label ?? ""}:${options.channel ?? ""}`;
      if (!options.label && !options.channel) {
        return queryPage(db, {
          input: {
            TableName,
            IndexName: "all-activity-index",
            KeyConditionExpression: "all_pk = :pk",
            ExpressionAttributeValues: { ":pk": CONTACT_ALL_PK },
            ScanIndexForward: false,
          },
          keys: keyAttributes(CONTACTS_TABLE, "all-activity-index"),
          scope,
          cursor: options.cursor,
          limit,
          map: contactFromItem,
          pageSize: ctx.queryPageSize,
        });
      }
      const key = options.label ? labelKey(options.label) : channelKey(options.channel as Channel);
      const page = await queryPage(db, {
        input: keys.listQuery(key, options.label ? options.channel : undefined),
        keys: keyAttributes(CONTACT_KEYS_TABLE, "list-index"),
        scope,
        cursor: options.cursor,
        limit,
        map: (item) => (typeof item.contact_id === "string" ? item.contact_id : undefined),
        pageSize: ctx.queryPageSize,
      });
      return { items: await getMany(page.items), nextCursor: page.nextCursor };
    },

    /** The contact's conversations on every channel, newest activity first (`contact-activity-index`). */
    timeline(contactId: string, request: PageRequest = {}): Promise<Page<ContactTimelineEntry>> {
      return queryPage(db, {
        input: {
          TableName: db.tables.conversations,
          IndexName: "contact-activity-index",
          KeyConditionExpression: "contact_id = :id",
          ExpressionAttributeValues: { ":id": contactId },
          ScanIndexForward: false,
        },
        keys: keyAttributes(CONVERSATIONS_TABLE, "contact-activity-index"),
        scope: `contactTimeline:${contactId}`,
        cursor: request.cursor,
        limit: clampLimit(request.limit),
        map: (item) => {
          const conversation = conversationFromItem(item, ctx.now);
          if (!conversation) return undefined;
          return {
            conversationId: conversation.conversationId,
            agentId: conversation.agentId,
            channel: conversation.channel,
            status: conversation.status,
            stage: conversation.stage,
            createdAt: conversation.createdAt,
            lastActivityAt: conversation.lastActivityAt,
            lastMessagePreview: conversation.lastMessagePreview,
          };
        },
        pageSize: ctx.queryPageSize,
      });
    },
  };
}

export type ContactReads = ReturnType<typeof createContactReads>;
