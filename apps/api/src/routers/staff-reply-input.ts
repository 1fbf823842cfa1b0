import { fileIdSchema } from "@agents-crm/config/attachments";
import { MAX_MESSAGE_CHARS } from "@agents-crm/config/conversations";
import { MAX_FILES_PER_MESSAGE } from "@agents-crm/config/outbound-media";
import { z } from "zod";
import { idSchema } from "./input-schemas";

/** A staff reply: text, files, or both (never neither). */
export const staffReplyInputSchema = z
  .object({
    conversationId: idSchema,
    content: z.string().trim().max(MAX_MESSAGE_CHARS).default(""),
    fileIds: z.array(fileIdSchema).max(MAX_FILES_PER_MESSAGE).optional(),
  })
  .refine((input) => input.content !== "" || (input.fileIds?.length ?? 0) > 0, {
    path: ["content"],
    message: "write a message or attach a file",
  });
