import { ATTACHMENT_MAX_BYTES } from "@agents-crm/config/attachments";
import type { ApiDeps } from "../../../deps";
import { MediaDownloadError, type DownloadedMedia } from "../../../platforms/media-download";
import {
  isTwilioBinding,
  twilioCredentialsOf,
  type TwilioCredentials,
} from "../../settings/twilio-credentials";
import type { WorkerRuntime } from "../worker-runtime";
import { inboundFiles } from "./inbound-files";
import type { MediaJob } from "./media-job";
import { answerPhoto, photoGaveUp } from "./photo-message";
import { answerVoiceNote, voiceNoteGaveUp } from "./voice-note";

type JobFile = MediaJob["files"][number];

/** The binding's token is gone (deleted or disconnected): no retry brings the file back. */
const NO_TOKEN = "The channel is no longer connected, so the file could not be fetched";
const NO_TWILIO_CREDENTIALS =
  "Twilio's account SID and auth token are not set, so the file could not be fetched";

async function fetchFile(
  runtime: WorkerRuntime,
  job: MediaJob,
  file: JobFile,
  token: string | null,
  accountId: string,
  twilio: TwilioCredentials | null,
): Promise<DownloadedMedia> {
  const media = runtime.clients.media;
  const maxBytes = ATTACHMENT_MAX_BYTES[file.kind];
  switch (job.platform) {
    case "instagram":
      return media.instagram(file.url ?? "", maxBytes);
    case "telegram":
      if (!token) throw new MediaDownloadError(NO_TOKEN, false);
      return media.telegram(token, file.platformFileId ?? "", maxBytes);
    case "whatsapp":
      if (!token) throw new MediaDownloadError(NO_TOKEN, false);
      if (file.url) {
        if (!twilio) throw new MediaDownloadError(NO_TWILIO_CREDENTIALS, false);
        return media.twilio(file.url, twilio, maxBytes);
      }
      return media.whatsapp(token, accountId, file.platformFileId ?? "", maxBytes);
  }
}

/**
 * Fetches each still-pending file of a customer's message and stores it (its type read from the bytes,
 * location data stripped, limits enforced), or records why it cannot be kept. A failure that a later try
 * may fix (the platform unreachable, a 5xx) is thrown once the other files are done, so the inbox retries
 * the job with back-off; files already stored are not fetched again.
 */
export async function downloadMedia(
  deps: ApiDeps,
  runtime: WorkerRuntime,
  job: MediaJob,
): Promise<void> {
  const files = inboundFiles(deps);
  const binding = await deps.repos.channelBindings.get(job.bindingId);
  const token = binding ? await deps.repos.channelBindings.getAccessToken(job.bindingId) : null;
  const twilio =
    binding && isTwilioBinding(binding) ? await twilioCredentialsOf(deps, binding) : null;
  let retry: MediaDownloadError | null = null;
  let changed = false;
  for (const file of job.files) {
    if (!(await files.isPending(file.fileId))) continue;
    try {
      const media = await fetchFile(
        runtime,
        job,
        file,
        token,
        binding?.channelAccountId ?? "",
        twilio,
      );
      await files.store(file.fileId, media, file);
      changed = true;
    } catch (error) {
      if (!(error instanceof MediaDownloadError)) throw error;
      if (error.retryable) {
        retry ??= error;
        continue;
      }
      await files.refuse(file.fileId, error.reason);
      changed = true;
    }
  }
  if (changed) await files.announce(job.conversationId, job.messageId);
  if (retry) throw retry;
  if (job.fromApp) return;
  await answerVoiceNote(deps, runtime, job);
  await answerPhoto(deps, runtime, job);
}

/**
 * After the last attempt: what is still pending is unsupported, with the last error as its reason, and
 * a voice note still without its words is handed over as if no transcription were configured.
 */
export async function mediaGaveUp(deps: ApiDeps, job: MediaJob, reason: string): Promise<void> {
  const files = inboundFiles(deps);
  let changed = false;
  const why = reason.replace(/^MediaDownloadError: /, "");
  for (const file of job.files) {
    if (!(await files.isPending(file.fileId))) continue;
    await files.refuse(file.fileId, `The download failed: ${why}`);
    changed = true;
  }
  if (changed) await files.announce(job.conversationId, job.messageId);
  if (job.fromApp) return;
  await voiceNoteGaveUp(deps, job);
  await photoGaveUp(deps, job);
}
