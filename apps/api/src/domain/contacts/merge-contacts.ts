import { randomUUID } from "node:crypto";
import {
  MAX_CONTACT_ATTRIBUTES,
  MAX_CONTACT_EMAILS,
  MAX_CONTACT_IDENTITIES,
  MAX_CONTACT_NOTES,
  MAX_CONTACT_PHONES,
  MAX_LABELS_PER_ITEM,
  nameSourceRank,
  type ContactView,
} from "@agents-crm/config/contacts";
import { NotFoundError, type Contact, type MergeRecord } from "@agents-crm/db";
import { recordAudit } from "../audit";
import type { StaffContext } from "../conversations/staff-context";
import { notFound, preconditionFailed } from "../errors";
import { contactOrThrow, contactView } from "./read-contacts";
import { reindexContact } from "./reindex-contact";

const union = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string = String) => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((item) => !seen.has(key(item)))];
};

/**
 * The target with everything of the source added: identities, phones, e-mails, labels, notes (in time
 * order), attributes (the target's value wins a shared key; the source's stays in the merge record), and
 * the stronger-sourced name. A merge that would overflow a limit is refused rather than dropping data.
 */
export function mergedContact(target: Contact, source: Contact): Contact {
  const merged: Contact = {
    ...target,
    identities: union(
      target.identities,
      source.identities,
      (i) => `${i.channel}#${i.agentId}#${i.externalUserId}`,
    ),
    phones: union(target.phones, source.phones),
    emails: union(target.emails, source.emails),
    labels: union(target.labels, source.labels),
    notes: [...target.notes, ...source.notes].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    ),
    attributes: { ...source.attributes, ...target.attributes },
    mergedFrom: [...(target.mergedFrom ?? []), ...(source.mergedFrom ?? []), source.contactId],
    lastSeenAt: target.lastSeenAt > source.lastSeenAt ? target.lastSeenAt : source.lastSeenAt,
    createdAt: target.createdAt < source.createdAt ? target.createdAt : source.createdAt,
  };
  if (source.name && nameSourceRank(source.nameSource) > nameSourceRank(target.nameSource)) {
    merged.name = source.name;
    merged.nameSource = source.nameSource;
  } else if (!target.name && source.name) {
    merged.name = source.name;
    merged.nameSource = source.nameSource;
  }
  const over = (
    [
      ["identities", merged.identities.length, MAX_CONTACT_IDENTITIES],
      ["phones", merged.phones.length, MAX_CONTACT_PHONES],
      ["emails", merged.emails.length, MAX_CONTACT_EMAILS],
      ["labels", merged.labels.length, MAX_LABELS_PER_ITEM],
      ["notes", merged.notes.length, MAX_CONTACT_NOTES],
      ["attributes", Object.keys(merged.attributes).length, MAX_CONTACT_ATTRIBUTES],
    ] as const
  ).find(([, count, max]) => count > max);
  if (over) {
    throw preconditionFailed(
      `Together they would have ${over[1]} ${over[0]} (at most ${over[2]}): remove some first`,
    );
  }
  return merged;
}

/** Re-points conversations; one that has expired meanwhile is skipped (it is gone for everyone). */
async function repoint(ctx: StaffContext, ids: readonly string[], contactId: string) {
  for (const id of ids) {
    try {
      await ctx.deps.repos.conversations.update(id, { contactId });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
}

/**
 * Merges the source contact INTO the target: the target keeps everything of both, the source's
 * conversations and identities point at the target, and the source is removed. A merge record holds both
 * contacts as they were, so `unmergeContacts` puts them back exactly. Audited as `contact.merge`.
 */
export async function mergeContacts(
  ctx: StaffContext,
  input: { targetId: string; sourceId: string },
): Promise<{ contact: ContactView; mergeId: string }> {
  const { repos } = ctx.deps;
  const target = await contactOrThrow(ctx.deps, input.targetId);
  const source = await contactOrThrow(ctx.deps, input.sourceId);
  const merged = mergedContact(target, source);
  const conversations = await repos.contactMerges.conversationsOf(source.contactId);
  const mergeId = randomUUID();
  const movedMergeIds = await repos.contactMerges.mergesOn(source.contactId);
  await repos.contactMerges.recordMerge({
    mergeId,
    targetId: target.contactId,
    sourceId: source.contactId,
    target,
    source,
    conversationIds: conversations.map((c) => c.conversationId),
    mergedAt: new Date().toISOString(),
    actorId: ctx.principal.id,
    ...(movedMergeIds.length > 0 ? { movedMergeIds } : {}),
  });
  // Before the source's keys go with it: the merges into the source stay undoable.
  await repos.contactMerges.moveMerges(movedMergeIds, target.contactId);
  const after = await repos.contactMerges.restore(merged, target);
  await repoint(
    ctx,
    conversations.map((c) => c.conversationId),
    target.contactId,
  );
  await repos.contacts.delete(source.contactId);
  await repos.searchIndex.removeContact(source.contactId);
  await reindexContact(ctx.deps, after);
  await recordAudit(ctx, {
    action: "contact.merge",
    resourceType: "contact",
    resourceId: target.contactId,
    metadata: {
      mergeId,
      sourceId: source.contactId,
      conversations: conversations.length,
    },
  });
  return { contact: contactView(after), mergeId };
}

const identityKey = (i: Contact["identities"][number]) =>
  `${i.channel}#${i.agentId}#${i.externalUserId}`;

/**
 * The contact that took a merge's target in by a later merge, less what that merge's source brought:
 * its identities and notes, and the phones, e-mails, labels and attributes it had that the target had
 * not. (Only the record's own target can be put back exactly; the later merge's record still holds the
 * rest, so undoing that one too restores everything.)
 */
export function withoutSource(holder: Contact, record: MergeRecord): Contact {
  const { source, target } = record;
  const brought = (from: readonly string[], had: readonly string[]) =>
    new Set(from.filter((value) => !had.includes(value)));
  const identities = brought(
    source.identities.map(identityKey),
    target.identities.map(identityKey),
  );
  const phones = brought(source.phones, target.phones);
  const emails = brought(source.emails, target.emails);
  const labels = brought(source.labels, target.labels);
  const notes = new Set(source.notes.map((n) => n.noteId));
  const gone = new Set([source.contactId, ...(source.mergedFrom ?? [])]);
  const mergedFrom = (holder.mergedFrom ?? []).filter((id) => !gone.has(id));
  const { mergedFrom: _before, ...rest } = holder;
  return {
    ...rest,
    identities: holder.identities.filter((i) => !identities.has(identityKey(i))),
    phones: holder.phones.filter((p) => !phones.has(p)),
    emails: holder.emails.filter((e) => !emails.has(e)),
    labels: holder.labels.filter((l) => !labels.has(l)),
    notes: holder.notes.filter((n) => !notes.has(n.noteId)),
    attributes: Object.fromEntries(
      Object.entries(holder.attributes).filter(
        ([key, value]) =>
          !(key in source.attributes && !(key in target.attributes)) ||
          source.attributes[key] !== value,
      ),
    ),
    ...(mergedFrom.length > 0 ? { mergedFrom } : {}),
  };
}

/**
 * Undoes a merge: both contacts exactly as they were before it (edits to the target since are undone
 * too), the source's conversations and identities pointing at it again. When the target was merged
 * into another contact since, that contact keeps its own and the later merge's data and gives back what
 * the source brought (withoutSource). Audited as `contact.unmerge`.
 */
export async function unmergeContacts(
  ctx: StaffContext,
  input: { mergeId: string },
): Promise<{ target: ContactView; source: ContactView }> {
  const { repos } = ctx.deps;
  const record = await repos.contactMerges.getMerge(input.mergeId);
  if (!record) throw notFound("No merge has this id (it was undone, or its contact erased)");
  const current = await repos.contacts.get(record.holderId);
  if (!current) throw notFound("The merged contact no longer exists");
  if (!(await repos.contactMerges.removeMerge(input.mergeId))) {
    throw notFound("This merge was just undone");
  }
  const existing = await repos.contacts.get(record.sourceId);
  const source = await repos.contactMerges.restore(record.source, existing);
  const target = await repos.contactMerges.restore(
    record.holderId === record.targetId ? record.target : withoutSource(current, record),
    current,
  );
  await repoint(ctx, record.conversationIds, record.sourceId);
  await repos.contactMerges.moveMerges(record.movedMergeIds ?? [], record.sourceId);
  await reindexContact(ctx.deps, source);
  await reindexContact(ctx.deps, target);
  await recordAudit(ctx, {
    action: "contact.unmerge",
    resourceType: "contact",
    resourceId: record.holderId,
    metadata: { mergeId: record.mergeId, sourceId: record.sourceId },
  });
  return { target: contactView(target), source: contactView(source) };
}
