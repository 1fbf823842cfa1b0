import { noteContentSchema } from "@agents-crm/config/notes";
import { z } from "zod";
import { addNote } from "../domain/notes/add-note";
import { deleteNote, updateNote } from "../domain/notes/change-note";
import { mentionableStaff } from "../domain/notes/mentionable-staff";
import { authedProcedure } from "../trpc";
import { idSchema } from "./input-schemas";

const byId = z.object({ conversationId: idSchema });
const noteRef = byId.extend({ messageId: idSchema });

/**
 * Staff-only notes (`conversations.addNote`, …): any staff member writes one; only its author edits or
 * deletes it. Spread into the conversations router.
 */
export const conversationNoteProcedures = {
  addNote: authedProcedure
    .input(byId.extend({ content: noteContentSchema }))
    .mutation(({ ctx, input }) => addNote(ctx, input)),

  updateNote: authedProcedure
    .input(noteRef.extend({ content: noteContentSchema }))
    .mutation(({ ctx, input }) => updateNote(ctx, input)),

  deleteNote: authedProcedure.input(noteRef).mutation(({ ctx, input }) => deleteNote(ctx, input)),

  /** Who a note can `@mention`: every active staff member's id and name. */
  mentionable: authedProcedure.query(({ ctx }) => mentionableStaff(ctx.deps.repos)),
};
