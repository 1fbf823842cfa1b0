import type { IncomingMessage } from "node:http";

/** One part of a multipart/form-data body: a plain field, or a file with its name, type and bytes. */
export type FormPart = string | { name: string; type: string; bytes: Buffer };

export const isMultipart = (req: IncomingMessage) =>
  (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");

/**
 * Parses a multipart/form-data body as the platforms do (the fetch standard's parser, boundary from the
 * Content-Type header), so the fakes check what really went over the wire. Null when it is malformed.
 */
export async function parseMultipart(
  req: IncomingMessage,
  body: Buffer,
): Promise<Map<string, FormPart> | null> {
  try {
    const form = await new Request("http://fake.local/", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] ?? "" },
      body: new Uint8Array(body),
    }).formData();
    const parts = new Map<string, FormPart>();
    for (const [key, value] of form) {
      parts.set(
        key,
        typeof value === "string"
          ? value
          : { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) },
      );
    }
    return parts;
  } catch {
    return null;
  }
}
