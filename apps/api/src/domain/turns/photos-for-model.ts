import { readsPhotos } from "@agents-crm/config/agent-config";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";

/**
 * The largest photo sent to the model, in stored bytes (the data URL is a third larger). The API
 * cannot downscale, so a larger photo is not sent: the customer's message is then handled as when the
 * model cannot read images.
 */
export const VISION_MAX_IMAGE_BYTES = 3 * 1024 * 1024;

/** The image types OpenAI's vision input takes. */
const VISION_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/** OPENAI_VISION and an online model: the deployment can read customers' photos in the turn. */
export const modelReadsPhotos = (deps: Pick<ApiDeps, "env" | "llm">): boolean =>
  deps.env.OPENAI_VISION && !deps.llm.offline;

/** The deployment can, and this agent lets photos go to the model (`escalation.read_photos`). */
export const agentReadsPhotos = (
  deps: Pick<ApiDeps, "env" | "llm">,
  config: AgentConfig,
): boolean => modelReadsPhotos(deps) && readsPhotos(config);

/**
 * The photos of a batch of customer messages as data URLs from the stored bytes, for the turn's one
 * chat call; none unless the model reads images. Photos over the cap or of other types are left out.
 */
export async function photosForModel(
  deps: Pick<ApiDeps, "env" | "llm" | "files">,
  batch: readonly Message[],
  config: AgentConfig,
): Promise<string[]> {
  if (!agentReadsPhotos(deps, config)) return [];
  const urls: string[] = [];
  for (const message of batch) {
    if (message.role !== "user" || message.kind !== "photo") continue;
    for (const fileId of message.fileIds ?? []) {
      const url = await photoDataUrl(deps, fileId);
      if (url) urls.push(url);
    }
  }
  return urls;
}

/** One stored photo as a data URL, or null (not stored, not an image type the model takes, too large). */
export async function photoDataUrl(
  deps: Pick<ApiDeps, "files">,
  fileId: string,
): Promise<string | null> {
  const opened = await deps.files.openFile(fileId);
  if (!opened) return null;
  const { record } = opened;
  if (
    record.kind !== "image" ||
    !VISION_TYPES.has(record.mimeType) ||
    opened.size > VISION_MAX_IMAGE_BYTES
  ) {
    opened.body.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of opened.body) chunks.push(chunk as Buffer);
  return `data:${record.mimeType};base64,${Buffer.concat(chunks).toString("base64")}`;
}
