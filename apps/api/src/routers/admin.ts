import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { followAccess } from "../auth/follow-access";
import { canManage } from "../auth/principal";
import { MANAGERS_ONLY_ADMIN_EVENTS, type AdminEvent } from "../domain/conversations/events";
import { isSomeoneElsesRead } from "../domain/conversations/unread";
import { EVENT_ID_PATTERN } from "../realtime/event-ids";
import { trackedEvents } from "../realtime/tracked-events";
import { ADMIN_STREAM } from "../realtime/types";
import { authedProcedure } from "../trpc";

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
      const access = followAccess(ctx, signal);
      try {
        for await (const item of trackedEvents<AdminEvent>(ctx.deps.hub, ADMIN_STREAM, {
          lastEventId: input.lastEventId,
          signal: access.signal,
        })) {
          // Waits for a re-check an access change started: nothing is delivered past a sign-out.
          const principal = await access.current();
          if (!canManage(principal) && MANAGERS_ONLY_ADMIN_EVENTS.has(item[1].type)) continue;
          if (isSomeoneElsesRead(item[1], principal.id)) continue;
          yield item;
        }
        // The stream also stops when access ends: then this throws UNAUTHORIZED.
        await access.current();
      } finally {
        access.stop();
      }
    }),
} satisfies TRPCRouterRecord;
