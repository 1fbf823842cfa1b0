import { z } from "zod";
import { contactViewSchema, nameSourceSchema } from "@agents-crm/config/contacts";

export {
  contactViewSchema,
  type ContactIdentity,
  type ContactNote,
  type ContactView,
  type NameSource,
} from "@agents-crm/config/contacts";

/** A contact as stored: the API's shape plus the version its edits bump and the name's source. */
export const contactSchema = contactViewSchema.extend({
  nameSource: nameSourceSchema.nullable(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contactSchema>;
