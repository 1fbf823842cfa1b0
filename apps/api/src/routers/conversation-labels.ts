import { z } from "zod";
import { setConversationLabels } from "../domain/conversations/set-labels";
import { authedProcedure } from "../trpc";
import { idSchema } from "./input-schemas";

/** A label filter's raw length bound (normalising then applies the label rules). */
export const MAX_LABEL_FILTER = 64;

/**
 * Conversation labels (`conversations.setLabels`, `conversations.labelsInUse`): any staff role.
 * Spread into the conversations router.
 */
export const conversationLabelProcedures = {
  /** Replaces the conversation's labels; audited as `conversation.labels` and announced live. */
  setLabels: authedProcedure
    .input(
      z.object({
        conversationId: idSchema,
        labels: z.array(z.string().max(MAX_LABEL_FILTER)).max(100),
      }),
    )
    .mutation(({ ctx, input }) => setConversationLabels(ctx, input)),

  /** Labels on conversations, most used first (the inbox's and the board's filter chips). */
  labelsInUse: authedProcedure.query(({ ctx }) => ctx.deps.repos.conversationLabels.inUse()),
};
