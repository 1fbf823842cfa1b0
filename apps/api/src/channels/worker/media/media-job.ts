import { attachmentKindSchema } from "@agents-crm/config/attachments";
import { platformSchema } from "@agents-crm/config/channels";
import { z } from "zod";
import type { ApiDeps } from "../../../deps";

/**
 * Downloading a customer's media is its own inbox item, next to the event that stored the message: it
 * is leased, retried with back-off and dead-lettered like any inbound work, but it never holds up the
 * conversation's next events (its own order key) nor the webhook's acknowledgement (queued by the
 * worker). The job carries where each file is on the platform and the file record waiting for it.
 */
export const mediaJobSchema = z.object({
  job: z.literal("media"),
  conversationId: z.string().min(1),
  messageId: z.string().min(1),
  agentId: z.string().min(1),
  bindingId: z.string().min(1),
  platform: platformSchema,
  /** The files of a reply staff typed in the platform's app: stored, never transcribed or answered. */
  fromApp: z.boolean().optional(),
  files: z
    .array(
      z.object({
        fileId: z.string().min(1),
        kind: attachmentKindSchema,
        platformFileId: z.string().optional(),
        url: z.string().optional(),
        mimeType: z.string().optional(),
        name: z.string().optional(),
      }),
    )
    .min(1),
});
export type MediaJob = z.infer<typeof mediaJobSchema>;

/** Not a platform account: downloads stay out of the per-account "last inbound event" stats. */
export const MEDIA_SCOPE = "media";

/** Queues the downloads of a stored message's files; false when already queued (a re-run). */
export async function enqueueMediaJob(
  deps: Pick<ApiDeps, "repos" | "inboxSignal">,
  job: Omit<MediaJob, "job">,
): Promise<boolean> {
  const { created } = await deps.repos.inboundEvents.record({
    platform: job.platform,
    scope: MEDIA_SCOPE,
    externalId: job.messageId,
    // Each message's files on their own: a slow or failing download holds up nothing else.
    orderKey: `media#${job.messageId}`,
    orderSort: job.messageId,
    payload: { job: "media", ...job } satisfies MediaJob,
  });
  if (created) deps.inboxSignal.notify();
  return created;
}
