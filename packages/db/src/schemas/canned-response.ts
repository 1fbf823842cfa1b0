import { z } from "zod";
import { cannedResponseSchema } from "@agents-crm/config/canned-responses";

export { cannedResponseSchema, type CannedResponse } from "@agents-crm/config/canned-responses";

/** A response as stored: the API's shape plus the version its edits bump. */
export const storedCannedResponseSchema = cannedResponseSchema.extend({
  version: z.number().int(),
});
export type StoredCannedResponse = z.infer<typeof storedCannedResponseSchema>;
