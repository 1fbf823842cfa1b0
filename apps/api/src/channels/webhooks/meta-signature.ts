import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-hub-signature-256";

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** Whether the header could be a signature at all: checked before any secret is looked up. */
export const isSignatureShaped = (header: string) => SIGNATURE.test(header.trim());

/**
 * Meta's `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the raw request bytes with the app secret.
 * Meta signs its own serialisation (non-ASCII escaped as \uXXXX), so only the bytes as received verify.
 */
export function signatureMatches(rawBody: Buffer, header: string, appSecret: string): boolean {
  const match = SIGNATURE.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1], "hex"), expected);
}

/** The header value Meta would send for this body: for tests, the benchmark and local tooling. */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}
