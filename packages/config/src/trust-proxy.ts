import { isIP } from "node:net";
import { z } from "zod";

/** Named address ranges a TRUST_PROXY list may use (the API expands them). */
export const TRUST_PROXY_PRESETS = ["loopback", "private"] as const;

/**
 * Whose `X-Forwarded-For` the API believes. `hops`: that many proxies, believed only when the peer that
 * connected is on loopback or a private network (a stranger reaching an exposed API directly is not).
 * `addresses`: exactly these proxies (presets, addresses, CIDR ranges).
 */
export type TrustProxy =
  { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; entries: string[] };

function entryProblem(entry: string): string | null {
  if ((TRUST_PROXY_PRESETS as readonly string[]).includes(entry)) return null;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return `"${entry}" is not loopback, private, an IP address or a CIDR range`;
  }
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && bits <= max
    ? null
    : `"${entry}" has a prefix outside 0–${max}`;
}

export const trustProxy = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .optional()
    .transform((raw, ctx): TrustProxy => {
      const text = raw?.trim() ?? "0";
      if (/^\d+$/.test(text)) {
        const hops = Number(text);
        if (hops > 10) {
          ctx.addIssue({
            code: "custom",
            message: "must be a hop count ≤ 10 or a list of proxies",
          });
          return z.NEVER;
        }
        return hops === 0 ? { kind: "none" } : { kind: "hops", hops };
      }
      const entries = text
        .split(",")
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean);
      for (const entry of entries) {
        const problem = entryProblem(entry);
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem });
          return z.NEVER;
        }
      }
      return { kind: "addresses", entries };
    }),
);
