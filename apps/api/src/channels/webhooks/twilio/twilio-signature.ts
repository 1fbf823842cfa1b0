import { createHmac } from "node:crypto";
import { safeEqual } from "../constant-time";

/** The header Twilio signs its webhooks in. */
export const TWILIO_SIGNATURE_HEADER = "x-twilio-signature";

/**
 * Twilio's request signature (https://www.twilio.com/docs/usage/webhooks/webhooks-security, and the
 * `twilio` library's `getExpectedTwilioSignature` in src/webhooks/webhooks.ts): the full public URL
 * Twilio requested, then every POST parameter sorted by name, each as name + value (a repeated name's
 * distinct values sorted), HMAC-SHA1 with the account's auth token, base64.
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: ReadonlyMap<string, readonly string[]>,
): string {
  let data = url;
  for (const name of [...params.keys()].sort()) {
    for (const value of [...new Set(params.get(name))].sort()) data += name + value;
  }
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

/**
 * Twilio signs with the URL as configured, which may or may not spell the default port; like its
 * library, accept either spelling.
 */
export function isValidTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: ReadonlyMap<string, readonly string[]>,
): boolean {
  if (!signature) return false;
  return urlSpellings(url).some((spelling) =>
    safeEqual(signature, twilioSignature(authToken, spelling, params)),
  );
}

function urlSpellings(url: string): string[] {
  const parsed = new URL(url);
  if (parsed.port) return [url];
  const port = parsed.protocol === "https:" ? "443" : "80";
  const withPort = `${parsed.protocol}//${parsed.host}:${port}${parsed.pathname}${parsed.search}`;
  return [url, withPort];
}

/** Form fields in order of appearance, repeated names kept (`MediaUrl0`… are distinct names). */
export function formParams(body: Buffer): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
    params.set(name, [...(params.get(name) ?? []), value]);
  }
  return params;
}
