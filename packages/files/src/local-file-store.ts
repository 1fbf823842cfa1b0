import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import {
  FileStoreUnavailableError,
  assertSafeKey,
  assertSafePrefix,
  type ByteRange,
  type FileStore,
  type StoredObject,
  type StoredObjectMeta,
} from "./file-store";

/** The machine cannot take the write now; anything else is a bug or a wrong request. */
const UNAVAILABLE = new Set([
  "ENOSPC",
  "EDQUOT",
  "EROFS",
  "EIO",
  "EMFILE",
  "ENFILE",
  "EACCES",
  "EPERM",
]);

const codeOf = (error: unknown) =>
  error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;

function classify(error: unknown): unknown {
  const code = codeOf(error);
  return code && UNAVAILABLE.has(code) ? new FileStoreUnavailableError(error) : error;
}

/** Sidecar holding the content type; segments never start with ".", so no key can name one. */
const metaPath = (path: string) =>
  join(dirname(path), `.${path.slice(dirname(path).length + 1)}.meta`);

/**
 * Files under a directory (DATA_DIR/files by default). Private like the rest of DATA_DIR: directories
 * 0700, files 0600. A put writes a temporary file beside its target, fsyncs it and renames it over the
 * target, so a crash or a full disk leaves the old object or none, never half of one.
 */
export function createLocalFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return join(root, ...key.split("/"));
  };

  async function writeAtomically(target: string, body: Uint8Array | Readable): Promise<void> {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temp = join(dirname(target), `.tmp-${randomBytes(8).toString("hex")}`);
    const handle = await open(temp, "wx", 0o600);
    try {
      if (body instanceof Uint8Array) await handle.writeFile(body);
      else for await (const chunk of body) await handle.write(chunk as Uint8Array);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => {});
      await unlink(temp).catch(() => {});
      throw error;
    }
    await handle.close();
    await rename(temp, target).catch(async (error: unknown) => {
      await unlink(temp).catch(() => {});
      throw error;
    });
  }

  return {
    kind: "local",

    async put(key: string, body: Uint8Array | Readable, meta: StoredObjectMeta): Promise<void> {
      const path = pathOf(key);
      try {
        await writeAtomically(metaPath(path), Buffer.from(JSON.stringify(meta)));
        await writeAtomically(path, body);
      } catch (error) {
        throw classify(error);
      }
    },

    async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
      const path = pathOf(key);
      let size: number;
      let meta: StoredObjectMeta;
      try {
        size = (await stat(path)).size;
        meta = JSON.parse(await readFile(metaPath(path), "utf8")) as StoredObjectMeta;
      } catch (error) {
        if (codeOf(error) === "ENOENT") return null;
        throw classify(error);
      }
      const body = range
        ? createReadStream(path, { start: range.start, end: range.end })
        : createReadStream(path);
      return { body, size, contentType: meta.contentType };
    },

    async delete(key: string): Promise<void> {
      const path = pathOf(key);
      try {
        await rm(path, { force: true });
        await rm(metaPath(path), { force: true });
      } catch (error) {
        throw classify(error);
      }
    },

    async deletePrefix(prefix: string): Promise<number> {
      assertSafePrefix(prefix);
      const dir = join(root, ...prefix.slice(0, -1).split("/"));
      try {
        const count = await countObjects(dir);
        await rm(dir, { recursive: true, force: true });
        return count;
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

async function countObjects(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if (codeOf(error) === "ENOENT") return [];
    throw error;
  });
  let count = 0;
  for (const entry of entries) {
    if (entry.isDirectory()) count += await countObjects(join(dir, entry.name));
    else if (!entry.name.startsWith(".")) count += 1;
  }
  return count;
}

/** Collects a stream into bytes (stores that need the length up front). */
export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
