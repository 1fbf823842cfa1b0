import { attachmentKindSchema, attachmentStatusSchema } from "@agents-crm/config/attachments";
import { z } from "zod";

/** What a file belongs to: a conversation's message, or an agent's knowledge library. */
export const FILE_PURPOSES = ["conversation", "library"] as const;
export const filePurposeSchema = z.enum(FILE_PURPOSES);
export type FilePurpose = z.infer<typeof filePurposeSchema>;

export const fileRecordSchema = z.object({
  /** `f_` + ULID (see FILE_ID_PATTERN). */
  fileId: z.string(),
  purpose: filePurposeSchema,
  conversationId: z.string().optional(),
  agentId: z.string().optional(),
  /** Where the bytes are in the FileStore; absent while pending and when unsupported. */
  storageKey: z.string().optional(),
  kind: attachmentKindSchema,
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  name: z.string().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  durationSec: z.number().nonnegative().optional(),
  status: attachmentStatusSchema,
  reason: z.string().optional(),
  caption: z.string().optional(),
  /** A staff user id, or "customer", "agent", "system". */
  createdBy: z.string().optional(),
  createdAt: z.string(),
  /** Epoch seconds: the conversation's retention (MESSAGE_TTL_HOURS), like the message that carries it. */
  expiresAt: z.number().optional(),
});
export type FileRecord = z.infer<typeof fileRecordSchema>;

export type NewFileRecord = Omit<FileRecord, "createdAt" | "expiresAt"> & {
  /** Overrides the default expiry (MESSAGE_TTL_HOURS from now for conversation files; none for library files). */
  expiresAt?: number | null;
};

/** What a later step may change (a pending download becoming stored or unsupported). */
export type FileRecordPatch = Partial<
  Pick<
    FileRecord,
    | "storageKey"
    | "kind"
    | "mimeType"
    | "size"
    | "name"
    | "width"
    | "height"
    | "durationSec"
    | "status"
    | "reason"
    | "caption"
  >
>;
