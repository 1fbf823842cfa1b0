import { outboundKindOf } from "@agents-crm/config/outbound-media";
import type { ApiDeps } from "../../deps";
import { PermanentDeliveryError } from "./delivery-errors";
import type { OutboundFileSource } from "./outbound-file";

/** How long a platform may take to fetch a file by its signed link (Instagram fetches at once). */
const PLATFORM_LINK_TTL_SECONDS = 3600;

/** Delivery's view of the file storage: metadata from the files table, bytes from the store. */
export function storedFileSource(deps: Pick<ApiDeps, "repos" | "files">): OutboundFileSource {
  return {
    async describe(fileId) {
      const record = await deps.repos.files.get(fileId);
      if (!record || record.status !== "stored") return null;
      return {
        fileId,
        kind: outboundKindOf(record.kind, record.mimeType),
        mimeType: record.mimeType,
        size: record.size,
        name: record.name ?? `${record.kind}-${fileId}`,
      };
    },
    async read(fileId) {
      const opened = await deps.files.openFile(fileId);
      if (!opened) {
        throw new PermanentDeliveryError("the file is no longer stored", {
          failure: { kind: "file_gone" },
        });
      }
      const bytes = new Uint8Array(new ArrayBuffer(opened.size));
      let offset = 0;
      for await (const chunk of opened.body as AsyncIterable<Uint8Array>) {
        if (offset + chunk.length > bytes.length) {
          opened.body.destroy();
          throw new Error("the stored file is longer than its record says");
        }
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      return offset === bytes.length ? bytes : bytes.slice(0, offset);
    },
    publicUrl(fileId) {
      const url = deps.files.signedFileUrl(fileId, PLATFORM_LINK_TTL_SECONDS);
      // Instagram fetches media by URL: a link relative to nowhere cannot reach it.
      if (!/^https?:\/\//.test(url)) {
        return Promise.reject(
          new PermanentDeliveryError(
            "Instagram fetches files by URL: set APP_URL to the public address the API is reached at",
            { failure: { kind: "no_public_url" } },
          ),
        );
      }
      return Promise.resolve(url);
    },
  };
}
