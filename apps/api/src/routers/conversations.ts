import type { TRPCRouterRecord } from "@trpc/server";
import { channelSchema } from "@agents-crm/config/channels";
import {
  conversationAssigneeFilterSchema,
  conversationStatusSchema,
  MAX_CONVERSATION_SEARCH,
  MAX_HANDOFF_REASON,
  MAX_MESSAGE_CHARS,
} from "@agents-crm/config/conversations";
import { MAX_TRANSLATE_CHARS, translateTargetSchema } from "@agents-crm/config/copilot";
import { MAX_REJECTION_REASON, MAX_STAGE_ID } from "@agents-crm/config/pipeline";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { suggestReplyEvents } from "../domain/copilot/suggest-reply";
import { translateForStaff } from "../domain/copilot/translate";
import {
  conversationDetails,
  conversationMessages,
} from "../domain/conversations/conversation-details";
import { conversationCounts } from "../domain/conversations/conversation-counts";
import { assignConversation, listAssignees } from "../domain/conversations/assign";
import { assigneeFilters, assigneeViewCounts } from "../domain/conversations/assignee-views";
import { listConversations } from "../domain/conversations/list-conversations";
import { withContactNames } from "../domain/conversations/contact-names";
import { markRead, unreadCounts, withUnread } from "../domain/conversations/unread";
import { setStage } from "../domain/conversations/set-stage";
import { staffReply } from "../domain/conversations/staff-reply";
import { snoozeConversation } from "../domain/conversations/snooze";
import { refreshCustomerProfile } from "../domain/conversations/refresh-profile";
import {
  closeConversation,
  handoff,
  resolveConversation,
  returnToAi,
} from "../domain/conversations/status-machine";
import { authedProcedure } from "../trpc";
import { conversationLabelProcedures, MAX_LABEL_FILTER } from "./conversation-labels";
import { conversationNoteProcedures } from "./conversation-notes";
import { idSchema } from "./input-schemas";
import { staffReplyInputSchema } from "./staff-reply-input";

const byId = z.object({ conversationId: idSchema });

/** The staff inbox (owners, admins and operators): read, take over, reply, return, stage, close. */
export const conversationsRouter = {
  list: authedProcedure
    .input(
      z
        .object({
          status: conversationStatusSchema.optional(),
          agentId: idSchema.optional(),
          channel: channelSchema.optional(),
          stage: z.string().trim().min(1).max(MAX_STAGE_ID).optional(),
          snoozed: z.boolean().optional(),
          search: z.string().trim().max(MAX_CONVERSATION_SEARCH).optional(),
          /** Only conversations with this label. */
          label: z.string().max(MAX_LABEL_FILTER).optional(),
          /** "me", "unassigned" or a staff user id; absent: everyone's. */
          assignee: conversationAssigneeFilterSchema.optional(),
          cursor: z.string().nullish(),
          limit: z.number().int().min(1).max(100).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const { assignee, ...rest } = input;
      const page = await listConversations(ctx.deps, {
        ...rest,
        ...assigneeFilters(assignee, ctx.principal),
      });
      const named = await withContactNames(ctx.deps.repos, page.items);
      return { ...page, items: await withUnread(ctx.deps, ctx.principal.id, named) };
    }),

  /** The caller's unread conversations per status in a view (the list's filters), for the inbox tabs. */
  unreadCounts: authedProcedure
    .input(
      z
        .object({
          agentId: idSchema.optional(),
          channel: channelSchema.optional(),
          stage: z.string().trim().min(1).max(MAX_STAGE_ID).optional(),
          /** "me", "unassigned" or a staff user id, as in `list`; absent: everyone's. */
          assignee: conversationAssigneeFilterSchema.optional(),
        })
        .default({}),
    )
    .query(({ ctx, input }) => unreadCounts(ctx, input)),

  /** The caller opened the conversation: its customer messages so far are read (for the caller only). */
  markRead: authedProcedure.input(byId).mutation(({ ctx, input }) => markRead(ctx, input)),

  /** Exact totals per status (for the counters), optionally for one agent and/or channel. */
  counts: authedProcedure
    .input(
      z
        .object({
          agentId: idSchema.optional(),
          channel: channelSchema.optional(),
        })
        .default({}),
    )
    .query(({ ctx, input }) => conversationCounts(ctx.deps, input)),

  /** Open conversations in the Mine / Unassigned / All views, optionally for one agent and/or channel. */
  assigneeCounts: authedProcedure
    .input(
      z
        .object({
          agentId: idSchema.optional(),
          channel: channelSchema.optional(),
        })
        .default({}),
    )
    .query(({ ctx, input }) => assigneeViewCounts(ctx.deps, ctx.principal, input)),

  /** Active staff a conversation can be assigned to (names for the inbox and the assign menu). */
  assignees: authedProcedure.query(({ ctx }) => listAssignees(ctx.deps)),

  /** Assign to an active staff member, reassign, or unassign (`userId: null`); audited, announced live. */
  assign: authedProcedure
    .input(byId.extend({ userId: idSchema.nullable() }))
    .mutation(({ ctx, input }) => assignConversation(ctx, input)),

  byId: authedProcedure
    .input(byId)
    .query(({ ctx, input }) => conversationDetails(ctx.deps, input.conversationId)),

  /** Oldest first by default; `order: "desc"` pages from the newest. */
  messages: authedProcedure
    .input(
      byId.extend({
        cursor: z.string().nullish(),
        limit: z.number().int().min(1).max(200).default(50),
        order: z.enum(["asc", "desc"]).default("asc"),
      }),
    )
    .query(({ ctx, input }) => conversationMessages(ctx.deps, input)),

  handoff: authedProcedure
    .input(byId.extend({ reason: z.string().trim().min(1).max(MAX_HANDOFF_REASON).optional() }))
    .mutation(({ ctx, input }) => handoff(ctx, input)),

  returnToAi: authedProcedure.input(byId).mutation(({ ctx, input }) => returnToAi(ctx, input)),

  /** Text, files (the staff member's uploads for this conversation, the text their caption), or both. */
  reply: authedProcedure
    .input(staffReplyInputSchema)
    .mutation(({ ctx, input }) => staffReply(ctx, input)),

  setStage: authedProcedure
    .input(
      byId.extend({
        stage: z.string().trim().min(1).max(MAX_STAGE_ID),
        rejectionReason: z.string().max(MAX_REJECTION_REASON).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => setStage(ctx, input)),

  close: authedProcedure.input(byId).mutation(({ ctx, input }) => closeConversation(ctx, input)),

  /** Done for now; the customer's next message reopens it to the AI. */
  resolve: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => resolveConversation(ctx, input)),

  /** Out of the needs-human queue until `until` (at most MAX_SNOOZE_DAYS ahead); `null` wakes it now. */
  snooze: authedProcedure
    .input(byId.extend({ until: z.coerce.date().nullable() }))
    .mutation(({ ctx, input }) => snoozeConversation(ctx, input)),

  /**
   * Re-reads the customer's profile from Instagram or Telegram now (WhatsApp and web chat: a clear 412),
   * at most once a minute per conversation; audited, announced live.
   */
  refreshProfile: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => refreshCustomerProfile(ctx, input)),

  /**
   * Copilot: a draft of the next reply, streamed (`start`, `delta`s, `done`); nothing is sent. Unsubscribing
   * stops the model call. A resumed subscription (`lastEventId`) drafts again from `start`.
   */
  suggestReply: authedProcedure
    .input(
      byId.extend({
        draft: z.string().max(MAX_MESSAGE_CHARS).optional(),
        lastEventId: z.string().max(20).nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      let sequence = 0;
      for await (const event of suggestReplyEvents(ctx, input, signal)) {
        sequence += 1;
        yield tracked(String(sequence), event);
      }
    }),

  /** Copilot: a message (`messageId`) or a draft (`text`) in another language, for staff only. */
  translate: authedProcedure
    .input(
      byId
        .extend({
          messageId: idSchema.optional(),
          text: z.string().trim().min(1).max(MAX_TRANSLATE_CHARS).optional(),
          to: translateTargetSchema,
        })
        .refine((value) => (value.messageId === undefined) !== (value.text === undefined), {
          message: "give either messageId or text",
          path: ["messageId"],
        }),
    )
    .mutation(({ ctx, input }) => translateForStaff(ctx, input)),

  ...conversationNoteProcedures,
  ...conversationLabelProcedures,
} satisfies TRPCRouterRecord;
