import { z } from "zod";

export const extractedContactsSchema = z.object({
  /** E.164, unique, in order of appearance. */
  phoneNumbers: z.array(z.string()),
  /** Lower-cased, unique, in order of appearance. */
  emails: z.array(z.string()),
});

export type ExtractedContacts = z.infer<typeof extractedContactsSchema>;
