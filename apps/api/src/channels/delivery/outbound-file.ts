import type { OutboundMediaKind } from "@agents-crm/config/outbound-media";

/** A stored file on its way to a platform: what the send needs to know, and how to get its bytes. */
export interface OutboundFile {
  fileId: string;
  kind: OutboundMediaKind;
  mimeType: string;
  size: number;
  name: string;
}

/** Where delivery reads files from: the file store, and signed links for platforms that fetch by URL. */
export interface OutboundFileSource {
  describe(fileId: string): Promise<OutboundFile | null>;
  read(fileId: string): Promise<Uint8Array<ArrayBuffer>>;
  /** A public, expiring link to the file (Instagram fetches media by URL). */
  publicUrl(fileId: string): Promise<string>;
}
