import { MAX_ID_BYTES } from "@agents-crm/config/request-limits";
import { z } from "zod";

/**
 * Any id an input names (a user, conversation, binding, notification config, inbox event): one bound
 * for all, in UTF-8 bytes, so an over-long id is a 400 naming its field instead of a DynamoDB
 * ValidationException (keys over 1,024 / 2,048 bytes) surfacing as a 500.
 */
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .refine((id) => Buffer.byteLength(id, "utf8") <= MAX_ID_BYTES, {
    message: `must be at most ${MAX_ID_BYTES} bytes`,
  });
