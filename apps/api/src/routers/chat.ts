import type { TRPCRouterRecord } from "@trpc/server";
import { MAX_MESSAGE_CHARS } from "@agents-crm/config/conversations";
import { fileIdSchema, MAX_ATTACHMENTS_PER_MESSAGE } from "@agents-crm/config/attachments";
import { webChatTokenSchema } from "@agents-crm/config/web-chat";
import { z } from "zod";
import type { ChatEvent } from "../domain/conversations/events";
import {
  openWebChat,
  sendWebChatMessage,
  startWebChat,
  webChatHistory,
} from "../domain/conversations/web-chat";
import { EVENT_ID_PATTERN } from "../realtime/event-ids";
import { trackedEvents } from "../realtime/tracked-events";
import { conversationStream } from "../realtime/types";
import { publicProcedure } from "../trpc";
import { idSchema } from "./input-schemas";

const webChat = z.object({
  conversationId: idSchema,
  token: webChatTokenSchema,
});

/** The public web chat: a visitor reaches only the conversation whose token it holds. */
export const chatRouter = {
  start: publicProcedure
    .input(z.object({ agentId: idSchema }))
    .mutation(({ ctx, input }) => startWebChat(ctx.deps, input)),

  /** Text, or files the visitor uploaded to this conversation (`POST /files/web-chat`) with a caption. */
  send: publicProcedure
    .input(
      webChat
        .extend({
          content: z.string().trim().max(MAX_MESSAGE_CHARS),
          fileIds: z.array(fileIdSchema).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
        })
        .refine((input) => input.content !== "" || (input.fileIds?.length ?? 0) > 0, {
          path: ["content"],
          message: "Write a message or attach a file",
        }),
    )
    .mutation(({ ctx, input }) => sendWebChatMessage(ctx.deps, input)),

  /** Oldest first by default (`order: "desc"` for the newest page first); `eventCursor` seeds onEvent. */
  history: publicProcedure
    .input(
      webChat.extend({
        cursor: z.string().nullish(),
        limit: z.number().int().min(1).max(200).default(50),
        order: z.enum(["asc", "desc"]).default("asc"),
      }),
    )
    .query(({ ctx, input }) => webChatHistory(ctx.deps, input)),

  /**
   * New messages, reply deltas (`reply.delta`, then the stored `message` with the same turnId), status
   * notices. Resumable: tRPC sends the last tracked id back as `lastEventId` on reconnect.
   */
  onEvent: publicProcedure
    .input(webChat.extend({ lastEventId: z.string().regex(EVENT_ID_PATTERN).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const conversation = await openWebChat(ctx.deps, input);
      yield* trackedEvents<ChatEvent>(
        ctx.deps.hub,
        conversationStream(conversation.conversationId),
        {
          lastEventId: input.lastEventId,
          signal,
        },
      );
    }),
} satisfies TRPCRouterRecord;
