import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { canManage } from "../auth/principal";
import { MANAGERS_ONLY_ADMIN_EVENTS, type AdminEvent } from "../domain/conversations/events";
import { EVENT_ID_PATTERN } from "../realtime/event-ids";
import { trackedEvents } from "../realtime/tracked-events";
import { ADMIN_STREAM } from "../realtime/types";
import { authedProcedure } from "../trpc";

/** A socket outlives sessions: the caller is checked again at most this often while events flow. */
const RECHECK_MS = 60_000;

export const adminRouter = {
  /**
   * Every console's live feed: conversation created / updated / escalated (with browser-notification
   * data) and new messages, always with full rows. Resumable with tracked ids (`lastEventId`).
   * Owners and admins also get `audit.appended` hints.
   */
  onEvent: authedProcedure
    .input(
      z
        .object({ lastEventId: z.string().regex(EVENT_ID_PATTERN).nullish() })
        .default({ lastEventId: null }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      let manager = canManage(ctx.principal);
      let checkedAt = Date.now();
      for await (const item of trackedEvents<AdminEvent>(ctx.deps.hub, ADMIN_STREAM, {
        lastEventId: input.lastEventId,
        signal,
      })) {
        if (Date.now() - checkedAt > RECHECK_MS) {
          const principal = await ctx.authenticate();
          if (principal.kind === "anonymous") {
            throw new TRPCError({ code: "UNAUTHORIZED", message: "The session has ended" });
          }
          manager = canManage(principal);
          checkedAt = Date.now();
        }
        if (!manager && MANAGERS_ONLY_ADMIN_EVENTS.has(item[1].type)) continue;
        yield item;
      }
    }),
} satisfies TRPCRouterRecord;
