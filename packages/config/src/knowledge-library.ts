import { z } from "zod";
import { AGENT_ID_PATTERN } from "./agent-config-fields";

/**
 * The knowledge library: an agent's documents as records of their own (folders, the original file,
 * indexing state, "may be sent to customers"). Shapes and bounds shared by the API, the store and the console.
 */

export const KNOWLEDGE_DOCUMENT_KINDS = ["text", "markdown", "pdf", "docx", "image"] as const;
export const knowledgeDocumentKindSchema = z.enum(KNOWLEDGE_DOCUMENT_KINDS);
export type KnowledgeDocumentKind = z.infer<typeof knowledgeDocumentKindSchema>;

/** File name endings the library takes, and the kind each is indexed as. */
export const LIBRARY_EXTENSIONS: Record<string, KnowledgeDocumentKind> = {
  ".txt": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".pdf": "pdf",
  ".docx": "docx",
  ".png": "image",
  ".jpg": "image",
  ".jpeg": "image",
  ".webp": "image",
  ".gif": "image",
};

export const KNOWLEDGE_DOCUMENT_STATES = ["queued", "indexing", "ready", "failed"] as const;
export const knowledgeDocumentStateSchema = z.enum(KNOWLEDGE_DOCUMENT_STATES);
export type KnowledgeDocumentState = z.infer<typeof knowledgeDocumentStateSchema>;

export const MAX_LIBRARY_TITLE_CHARS = 200;
/** A folder path is up to this many segments of MAX_FOLDER_SEGMENT_CHARS each, "/"-separated. */
export const MAX_FOLDER_DEPTH = 5;
export const MAX_FOLDER_SEGMENT_CHARS = 60;
/** Inline text documents (typed, or moved from `rag.sources`) up to this many characters. */
export const MAX_LIBRARY_TEXT_CHARS = 100_000;
/** An image's caption / alt text, which is what gets indexed for it. */
export const MAX_LIBRARY_CAPTION_CHARS = 2_000;
export const MAX_LIBRARY_DOCUMENTS_PER_AGENT = 500;
/** Chunks embedded and written per step while indexing, so a large PDF shows progress. */
export const LIBRARY_INDEX_BATCH_CHUNKS = 16;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const controlChars = /[\u0000-\u001f\u007f]/;

export const libraryTitleSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_LIBRARY_TITLE_CHARS)
  .refine((title) => !controlChars.test(title), "must not contain control characters");

/**
 * "" is the top level; otherwise segments joined by "/" with no empty, "." or ".." segments. Input is
 * normalised: surrounding slashes and spaces around segments are dropped.
 */
export const folderPathSchema = z
  .string()
  .max(MAX_FOLDER_DEPTH * (MAX_FOLDER_SEGMENT_CHARS + 1))
  .transform((path) =>
    path
      .split("/")
      .map((segment) => segment.trim())
      .filter((segment) => segment !== "")
      .join("/"),
  )
  .refine((path) => path === "" || path.split("/").length <= MAX_FOLDER_DEPTH, {
    message: `at most ${MAX_FOLDER_DEPTH} folder levels`,
  })
  .refine(
    (path) =>
      path === "" ||
      path
        .split("/")
        .every(
          (segment) =>
            segment.length <= MAX_FOLDER_SEGMENT_CHARS &&
            segment !== "." &&
            segment !== ".." &&
            !controlChars.test(segment),
        ),
    { message: `folder names are 1-${MAX_FOLDER_SEGMENT_CHARS} characters, not "." or ".."` },
  );

export const knowledgeDocumentIdSchema = z
  .string()
  .regex(/^kd_[A-Za-z0-9_-]{6,64}$/, "not a knowledge document id");

/** One document as the API returns it. */
export const knowledgeDocumentViewSchema = z.object({
  documentId: z.string(),
  agentId: z.string(),
  folder: z.string(),
  title: z.string(),
  kind: knowledgeDocumentKindSchema,
  /** The stored original (null for typed text and moved inline sources). */
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  size: z.number().int().nullable(),
  state: knowledgeDocumentStateSchema,
  /** 0-100 while indexing. */
  progress: z.number().int().min(0).max(100),
  failureReason: z.string().nullable(),
  sendable: z.boolean(),
  chunkCount: z.number().int(),
  /** Set when the document came from the agent's inline `rag.sources`. */
  inlineSourceId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowledgeDocumentView = z.infer<typeof knowledgeDocumentViewSchema>;

// Router inputs.
const agentIdInput = z.string().regex(AGENT_ID_PATTERN, "not an agent id");

export const libraryListInputSchema = z.object({
  agentId: agentIdInput,
  /** Only documents directly in this folder; omitted: every document of the agent. */
  folder: folderPathSchema.optional(),
});

export const libraryCreateInputSchema = z
  .object({
    agentId: agentIdInput,
    folder: folderPathSchema.default(""),
    title: libraryTitleSchema.optional(),
    sendable: z.boolean().default(false),
    /** A file uploaded through `POST /files` with the library purpose. */
    fileId: z.string().min(1).max(128).optional(),
    /** Or the text itself. */
    text: z.string().max(MAX_LIBRARY_TEXT_CHARS).optional(),
    /** An image's caption / alt text: what is indexed for it. */
    caption: z.string().trim().max(MAX_LIBRARY_CAPTION_CHARS).optional(),
  })
  .refine((input) => (input.fileId === undefined) !== (input.text === undefined), {
    message: "give either fileId or text",
    path: ["fileId"],
  })
  .refine((input) => input.fileId !== undefined || input.title !== undefined, {
    message: "a text document needs a title",
    path: ["title"],
  });

export const libraryDocumentInputSchema = z.object({
  agentId: agentIdInput,
  documentId: knowledgeDocumentIdSchema,
});

export const libraryUpdateInputSchema = libraryDocumentInputSchema.extend({
  title: libraryTitleSchema.optional(),
  folder: folderPathSchema.optional(),
  caption: z.string().trim().max(MAX_LIBRARY_CAPTION_CHARS).optional(),
});

export const librarySetSendableInputSchema = libraryDocumentInputSchema.extend({
  sendable: z.boolean(),
});

export const libraryAgentInputSchema = z.object({ agentId: agentIdInput });

/** The kind a file name indexes as, or null when the library does not take it. */
export function libraryKindOf(
  fileName: string,
  mimeType?: string | null,
): KnowledgeDocumentKind | null {
  const extension = /\.[^./]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
  const byName = LIBRARY_EXTENSIONS[extension];
  if (byName) return byName;
  const mime = mimeType?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime === "application/pdf") return "pdf";
  if (mime === "text/markdown") return "markdown";
  if (mime === "text/plain") return "text";
  if (mime === "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return "docx";
  if (mime.startsWith("image/")) return "image";
  return null;
}

/** Every folder of a list of paths, parents included, sorted. */
export function foldersOf(paths: readonly string[]): string[] {
  const all = new Set<string>();
  for (const path of paths) {
    const segments = path.split("/").filter(Boolean);
    for (let i = 1; i <= segments.length; i++) all.add(segments.slice(0, i).join("/"));
  }
  return [...all].sort((a, b) => a.localeCompare(b));
}
