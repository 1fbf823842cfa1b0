import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { AttachmentKind, AttachmentView } from "@agents-crm/config/attachments";
import {
  StorageUnavailableError,
  type FilePurpose,
  type FileRecord,
  type Repositories,
} from "@agents-crm/db";
import {
  FileStoreUnavailableError,
  inspectFile,
  stripImageMetadata,
  type ByteRange,
  type FileRefusal,
  type FileStore,
} from "@agents-crm/files";
import { DomainError } from "../domain/errors";
import type { Logger } from "../logger";
import { attachmentView } from "./attachment-views";
import type { FileLinkSigner } from "./file-links";

/** A file refused on the way in (empty, wrong type, too large): a clear 4xx for staff. */
export class FileRefusedError extends DomainError {
  constructor(readonly refusal: FileRefusal) {
    super("INVALID_INPUT", refusal.message, {
      issues: [{ path: ["file"], message: refusal.message }],
    });
  }
}

export interface SaveFileInput {
  bytes: Uint8Array;
  /** What the sender said it is; only chooses between look-alikes, never trusted. */
  declaredType?: string;
  name?: string;
  /** The kind the sender says (voice note, sticker): kept when the bytes fit it. */
  kind?: AttachmentKind;
  /** Only these types (the web chat: images and PDFs). */
  accept?: readonly string[];
  purpose: FilePurpose;
  conversationId?: string;
  agentId?: string;
  caption?: string;
  /** A staff user id, or "customer", "agent", "system". */
  createdBy?: string;
  /** Completes this pending file (reserved with `reservePending`) instead of making a new one. */
  fileId?: string;
  /**
   * "throw" (staff uploads): a refused file is a FileRefusedError. "record" (customers' media): it is
   * stored as an `unsupported` file with the reason, so the transcript says what was sent.
   */
  onRefusal?: "throw" | "record";
}

export interface OpenedFile {
  record: FileRecord;
  body: Readable;
  /** Size of the whole stored object. */
  size: number;
}

export interface FileService {
  store: FileStore;
  /** Inspect → strip image metadata → put the bytes → write the metadata. */
  saveFile(input: SaveFileInput): Promise<FileRecord>;
  /** A file whose bytes are still to come (a customer's media being downloaded). */
  reservePending(
    input: Omit<SaveFileInput, "bytes" | "fileId" | "onRefusal" | "accept"> & {
      kind: AttachmentKind;
      mimeType?: string;
    },
  ): Promise<FileRecord>;
  /** A pending file that could not be fetched or kept: `unsupported` with the reason. */
  markUnsupported(fileId: string, reason: string): Promise<FileRecord>;
  /** null when there is no such stored file (unknown, expired, pending or unsupported). */
  openFile(fileId: string, range?: ByteRange): Promise<OpenedFile | null>;
  /** Deletes every file of the conversation, bytes and metadata (retention, erase); returns how many. */
  deleteConversationFiles(conversationId: string): Promise<number>;
  /** Deletes files past their retention, bytes first; returns how many. */
  sweepExpired(options?: { limit?: number }): Promise<number>;
  /** `<APP_URL>/files/<id>?exp=…&sig=…`: a link anyone holding it may fetch until it expires. */
  signedFileUrl(fileId: string, ttlSeconds: number): string;
  signer: FileLinkSigner;
  view(record: FileRecord): AttachmentView;
}

const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** An id as one key segment: itself when safe, else a digest (never a path). */
const segment = (id: string) =>
  SAFE_SEGMENT.test(id) ? id : createHash("sha256").update(id).digest("hex").slice(0, 40);

export function conversationPrefix(conversationId: string): string {
  return `conversations/${segment(conversationId)}/`;
}

function storageKeyFor(
  input: { purpose: FilePurpose; conversationId?: string; agentId?: string },
  fileId: string,
) {
  if (input.purpose === "conversation" && input.conversationId) {
    return `${conversationPrefix(input.conversationId)}${fileId}`;
  }
  if (input.purpose === "library" && input.agentId)
    return `library/${segment(input.agentId)}/${fileId}`;
  return `other/${fileId}`;
}

/** The store's "cannot now" as the data layer's, so every caller answers 503 the one way it already does. */
async function storing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof FileStoreUnavailableError ? new StorageUnavailableError(error) : error;
  }
}

export function createFileService(input: {
  store: FileStore;
  repos: Pick<Repositories, "files">;
  signer: FileLinkSigner;
  newId: () => string;
  /** APP_URL: signed links are absolute when it is known. */
  publicUrl?: string;
  log: Logger;
}): FileService {
  const { store, repos, signer, log } = input;
  const newFileId = () => `f_${input.newId()}`;

  async function saveFile(file: SaveFileInput): Promise<FileRecord> {
    const inspection = inspectFile(file.bytes, {
      declaredType: file.declaredType,
      name: file.name,
      kind: file.kind,
      accept: file.accept,
    });
    const common = {
      purpose: file.purpose,
      conversationId: file.conversationId,
      agentId: file.agentId,
      name: file.name,
      caption: file.caption,
      createdBy: file.createdBy,
    };
    if (inspection.refusal) {
      if ((file.onRefusal ?? "throw") === "throw") throw new FileRefusedError(inspection.refusal);
      const unsupported = {
        kind: inspection.kind ?? file.kind ?? "document",
        mimeType: inspection.mimeType,
        size: inspection.size,
        status: "unsupported" as const,
        reason: inspection.refusal.message,
      };
      return file.fileId
        ? repos.files.update(file.fileId, unsupported)
        : repos.files.put({ ...common, ...unsupported, fileId: newFileId() });
    }
    const kind = inspection.kind as AttachmentKind;
    const fileId = file.fileId ?? newFileId();
    const bytes = stripImageMetadata(file.bytes, inspection.mimeType);
    const storageKey = storageKeyFor(file, fileId);
    await storing(() => store.put(storageKey, bytes, { contentType: inspection.mimeType }));
    const stored = {
      storageKey,
      kind,
      mimeType: inspection.mimeType,
      size: bytes.length,
      width: inspection.width,
      height: inspection.height,
      durationSec: inspection.durationSec,
      status: "stored" as const,
    };
    try {
      return file.fileId
        ? await repos.files.update(file.fileId, stored)
        : await repos.files.put({ ...common, ...stored, fileId });
    } catch (error) {
      // No metadata, no file: the bytes would be unreachable and never swept.
      await store.delete(storageKey).catch(() => {});
      throw error;
    }
  }

  async function deleteRecords(records: FileRecord[]): Promise<number> {
    let deleted = 0;
    for (const record of records) {
      if (record.storageKey) await storing(() => store.delete(record.storageKey as string));
      await repos.files.delete(record.fileId);
      deleted += 1;
    }
    return deleted;
  }

  return {
    store,
    signer,
    saveFile,

    async reservePending(file) {
      return repos.files.put({
        fileId: newFileId(),
        purpose: file.purpose,
        conversationId: file.conversationId,
        agentId: file.agentId,
        name: file.name,
        caption: file.caption,
        createdBy: file.createdBy,
        kind: file.kind,
        mimeType: file.mimeType ?? file.declaredType ?? "application/octet-stream",
        size: 0,
        status: "pending",
      });
    },

    markUnsupported(fileId, reason) {
      return repos.files.update(fileId, { status: "unsupported", reason });
    },

    async openFile(fileId, range) {
      const record = await repos.files.get(fileId);
      if (!record || record.status !== "stored" || !record.storageKey) return null;
      const object = await storing(() => store.get(record.storageKey as string, range));
      if (!object) {
        log.warn("file metadata without stored bytes", { fileId });
        return null;
      }
      return { record, body: object.body, size: object.size };
    },

    async deleteConversationFiles(conversationId) {
      const records = await repos.files.listByConversation(conversationId);
      const deleted = await deleteRecords(records);
      // Anything a crashed save left under the conversation's prefix goes too.
      await storing(() => store.deletePrefix(conversationPrefix(conversationId)));
      return deleted;
    },

    async sweepExpired(options = {}) {
      const limit = options.limit ?? 500;
      let deleted = 0;
      let cursor: string | null = null;
      do {
        const page = await repos.files.listExpired({
          cursor,
          limit: Math.min(100, limit - deleted),
        });
        deleted += await deleteRecords(page.files);
        cursor = page.nextCursor;
      } while (cursor && deleted < limit);
      return deleted;
    },

    signedFileUrl(fileId, ttlSeconds) {
      const path = signer.path(fileId, ttlSeconds);
      return input.publicUrl ? `${input.publicUrl.replace(/\/+$/, "")}${path}` : path;
    },

    view: (record) => attachmentView(record),
  };
}
