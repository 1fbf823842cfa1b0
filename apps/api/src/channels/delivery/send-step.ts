import type { AttachmentDelivery } from "@agents-crm/config/outbound-media";
import type { Message } from "@agents-crm/db";
import { PermanentDeliveryError } from "./delivery-errors";
import type { DeliveryRuntime } from "./deliver-message";
import type { DeliveryStep } from "./delivery-plan";
import type { ResolvedTarget } from "./delivery-target";
import { sendFile } from "./send-file";
import { retrySend, sendWithRetries } from "./send-with-retries";

/** Stands in the list of sent part ids for a file the platform refused, so a resume skips it. */
export const FAILED_STEP = "-";

/** Each file's delivery so far (pending until it is tried). */
export function attachmentDeliveryOf(
  message: Pick<Message, "attachmentDelivery">,
  fileIds: string[],
): Record<string, AttachmentDelivery> {
  const known = message.attachmentDelivery ?? {};
  return Object.fromEntries(fileIds.map((id) => [id, known[id] ?? { status: "pending" as const }]));
}

/** The message gives up: its files not yet sent fail with the same reason (nothing for a text message). */
export function pendingFilesFailed(
  message: Pick<Message, "attachmentDelivery" | "fileIds">,
  reason: string,
): { attachmentDelivery?: Record<string, AttachmentDelivery> } {
  const fileIds = message.fileIds ?? [];
  if (fileIds.length === 0) return {};
  const perFile = attachmentDeliveryOf(message, fileIds);
  for (const id of fileIds) {
    if (perFile[id]?.status === "pending") perFile[id] = { status: "failed", error: reason };
  }
  return { attachmentDelivery: perFile };
}

/**
 * Sends one step with retries. A text part refused for good throws (the message fails there, as before);
 * a file refused for good (too large for the platform, a type it rejects, a link it could not fetch)
 * comes back failed with the platform's reason, and the rest of the message still goes.
 */
export async function sendStep(
  runtime: Pick<DeliveryRuntime, "clients" | "retry" | "files">,
  resolved: ResolvedTarget,
  step: DeliveryStep,
  options: { humanAgentTag: boolean; deadline: number },
): Promise<{ id: string | null; delivery: AttachmentDelivery }> {
  const { clients, retry } = runtime;
  if (step.kind === "text") {
    const id = await sendWithRetries(clients, retry, resolved.target, step.text, options);
    return { id, delivery: { status: "sent", externalMessageId: id } };
  }
  const file = step.file;
  const source = runtime.files;
  if (!file || !source) {
    return { id: null, delivery: { status: "failed", error: "the file is no longer stored" } };
  }
  try {
    const id = await retrySend(
      clients,
      retry,
      resolved.target,
      () =>
        sendFile(clients, source, resolved.target, file, {
          caption: step.caption,
          humanAgentTag: options.humanAgentTag,
        }),
      options,
    );
    return { id, delivery: { status: "sent", externalMessageId: id } };
  } catch (error) {
    if (!(error instanceof PermanentDeliveryError)) throw error;
    return { id: null, delivery: { status: "failed", error: error.message } };
  }
}
