import {
  ATTACHMENT_KIND_PLURALS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MIME_TYPES,
  attachmentKindForMime,
  formatByteLimit,
  type AttachmentKind,
} from "@agents-crm/config/attachments";
import { imageSize } from "./image-size";
import { mediaInfo } from "./media-info";
import { sniffMimeType } from "./sniff-type";

export type RefusalCode = "empty" | "too_large" | "unsupported_type" | "not_allowed_here";

export interface FileRefusal {
  code: RefusalCode;
  /** One sentence for whoever sent it (staff see it as an error, customers' files keep it as the reason). */
  message: string;
}

export interface FileInspection {
  /** From the bytes, never from the name or the declared type. */
  mimeType: string;
  /** null when the type is not one we keep. */
  kind: AttachmentKind | null;
  size: number;
  width?: number;
  height?: number;
  /** Audio, voice notes and videos: how long they last, from their container's headers. */
  durationSec?: number;
  /** Set when the file must not be stored; everything above still describes it. */
  refusal?: FileRefusal;
}

export interface InspectOptions {
  /** What the sender said it is (a Content-Type header, a platform's mime_type). */
  declaredType?: string;
  name?: string;
  /** The kind the sender says (a voice note, a sticker): kept when the bytes fit it. */
  kind?: AttachmentKind;
  /** Only these types are accepted here (the web chat: images and PDFs). */
  accept?: readonly string[];
}

function kindOf(mimeType: string, hinted: AttachmentKind | undefined): AttachmentKind | null {
  if (hinted && ATTACHMENT_MIME_TYPES[hinted].includes(mimeType)) return hinted;
  return attachmentKindForMime(mimeType);
}

/**
 * What a file really is, from its bytes: its type, kind and (images) size, and why it must be refused
 * (empty, a type we do not keep — an HTML page named photo.png is text/html —, larger than its kind's
 * limit, or not accepted where it was sent).
 */
export function inspectFile(bytes: Uint8Array, options: InspectOptions = {}): FileInspection {
  const mimeType = sniffMimeType(bytes, {
    name: options.name,
    declaredType: options.declaredType,
    sticker: options.kind === "sticker",
  });
  const kind = kindOf(mimeType, options.kind);
  const dimensions = kind === "image" || kind === "sticker" ? imageSize(bytes, mimeType) : null;
  const timed = kind === "audio" || kind === "voice" || kind === "video";
  // Bounded: only a file within its kind's limit is parsed (a refused one is never read further).
  const recording =
    timed && bytes.length <= ATTACHMENT_MAX_BYTES[kind] ? mediaInfo(bytes, mimeType) : {};
  const inspection: FileInspection = {
    mimeType,
    kind,
    size: bytes.length,
    ...(dimensions ?? {}),
    ...recording,
  };
  const refusal = refusalFor(inspection, options);
  return refusal ? { ...inspection, refusal } : inspection;
}

function refusalFor(file: FileInspection, options: InspectOptions): FileRefusal | undefined {
  if (file.size === 0) return { code: "empty", message: "The file is empty" };
  if (!file.kind) {
    return {
      code: "unsupported_type",
      message: `The file is ${file.mimeType}, which is not a type we accept`,
    };
  }
  if (options.accept && !options.accept.includes(file.mimeType)) {
    return {
      code: "not_allowed_here",
      message: `The file is ${file.mimeType}; only ${options.accept.join(", ")} can be sent here`,
    };
  }
  const limit = ATTACHMENT_MAX_BYTES[file.kind];
  if (file.size > limit) {
    return {
      code: "too_large",
      message: `The file is ${formatByteLimit(file.size)}; ${ATTACHMENT_KIND_PLURALS[file.kind]} may be at most ${formatByteLimit(limit)}`,
    };
  }
  return undefined;
}
