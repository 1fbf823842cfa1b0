import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { conditionalPut } from "../lib/conditional-write";
import type { Contact } from "../schemas/contact";
import type { RepositoryContext } from "./context";
import {
  withIdentity,
  type EnsureContactInput,
  type EnsureContactResult,
  type UpdateContactOptions,
} from "./contact-changes";
import { contactToItem } from "./contact-item";
import type { ContactKeys } from "./contact-keys";

const MAX_ROUNDS = 6;

type Mutate = (
  contactId: string,
  change: (current: Contact) => Contact,
  options?: UpdateContactOptions,
) => Promise<Contact>;

/** Finding or creating the contact of a conversation's channel identity. */
export function createContactEnsure(
  db: Db,
  ctx: RepositoryContext,
  keys: ContactKeys,
  get: (contactId: string) => Promise<Contact | null>,
  mutate: Mutate,
) {
  const TableName = db.tables.contacts;

  const putNew = (contact: Contact) =>
    conditionalPut(db, {
      TableName,
      Item: contactToItem(contact),
      ConditionExpression: "attribute_not_exists(contact_id)",
    });

  /** A contact whose identity claim failed: its item and keys, never an identity someone else holds. */
  async function removeUnclaimed(contactId: string): Promise<void> {
    await keys.removeAll(contactId);
    await db.doc.send(new DeleteCommand({ TableName, Key: { contact_id: contactId } }));
  }

  function newContact(contactId: string, input: EnsureContactInput, at: string): Contact {
    const empty: Contact = {
      contactId,
      name: null,
      nameSource: null,
      phones: [],
      emails: [],
      identities: [],
      labels: [],
      attributes: {},
      notes: [],
      createdAt: at,
      updatedAt: at,
      lastSeenAt: at,
      version: 1,
    };
    return withIdentity(empty, input, at);
  }

  return {
    /**
     * The contact of a conversation's channel identity, created on first sight. Race-safe without
     * transactions: the identity key is claimed first with a conditional put, so two first messages of one
     * person agree on one contact id; whoever finds the key but not yet its contact (the claimer is between
     * its two writes, or died there) creates the contact under that id itself — conditionally, so both
     * converge on one item. A known identity costs one read of the key and of the contact, and a write
     * only when something changed (a new agent, a profile, the activity time). `surelyNew` (a web
     * visitor's freshly minted token) skips the first read.
     */
    async ensureForConversation(
      input: EnsureContactInput,
      options: { surelyNew?: boolean } = {},
    ): Promise<EnsureContactResult> {
      const at = input.at ?? ctx.now().toISOString();
      for (let round = 0; round < MAX_ROUNDS; round++) {
        if (options.surelyNew && round === 0) {
          // An identity minted just now (a web visitor's fresh token) cannot be known yet: the claim,
          // the contact and its keys go out at once. Were it known after all, the claim fails, what was
          // written is taken back, and the next round reads the key like any other identity.
          const contact = newContact(ctx.ulid(), input, at);
          const [claimed, created] = await Promise.all([
            keys.claimIdentity(
              input.channel,
              input.externalUserId,
              contact.contactId,
              input.agentId,
            ),
            putNew(contact),
            keys.sync(null, contact, { identityClaimed: true }),
          ]);
          if (claimed && created) return { contact, created: true };
          await removeUnclaimed(contact.contactId);
          continue;
        }
        const owner = await keys.identityOwner(input.channel, input.externalUserId);
        if (!owner) {
          const contact = newContact(ctx.ulid(), input, at);
          const claimed = await keys.claimIdentity(
            input.channel,
            input.externalUserId,
            contact.contactId,
            input.agentId,
          );
          if (!claimed) continue;
          const [created] = await Promise.all([
            putNew(contact),
            keys.sync(null, contact, { identityClaimed: true }),
          ]);
          if (created) return { contact, created: true };
          continue;
        }
        const existing = await get(owner);
        if (!existing) {
          const contact = newContact(owner, input, at);
          if (await putNew(contact)) {
            await keys.sync(null, contact, { identityClaimed: true });
            return { contact, created: true };
          }
          continue;
        }
        const contact = await mutate(owner, (current) => withIdentity(current, input, at));
        return { contact, created: false };
      }
      throw new Error(`contact for ${input.channel} identity did not settle`);
    },
  };
}
