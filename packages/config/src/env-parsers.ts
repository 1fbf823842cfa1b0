import { z } from "zod";

/** Platforms (Railway, compose files) often set variables to "" — that means "not set", not an empty value. */
export const optionalString = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().optional(),
);

export const envBoolean = (fallback: boolean) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .union([z.boolean(), z.string()])
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return fallback;
        if (typeof v === "boolean") return v;
        const s = v.trim().toLowerCase();
        if (["1", "true", "yes", "on"].includes(s)) return true;
        if (["0", "false", "no", "off"].includes(s)) return false;
        ctx.addIssue({ code: "custom", message: `must be true or false, got "${v}"` });
        return z.NEVER;
      }),
  );

export const envNumber = (
  fallback: number,
  bounds: { min?: number; max?: number; int?: boolean } = {},
) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .union([z.number(), z.string()])
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return fallback;
        const n = typeof v === "number" ? v : Number(v.trim());
        const problems: string[] = [];
        if (!Number.isFinite(n)) problems.push(`must be a number, got "${String(v)}"`);
        else {
          if (bounds.int && !Number.isInteger(n)) problems.push("must be a whole number");
          if (bounds.min !== undefined && n < bounds.min) problems.push(`must be ≥ ${bounds.min}`);
          if (bounds.max !== undefined && n > bounds.max) problems.push(`must be ≤ ${bounds.max}`);
        }
        if (problems.length > 0) {
          ctx.addIssue({ code: "custom", message: problems.join(", ") });
          return z.NEVER;
        }
        return n;
      }),
  );

export const envUrl = (protocols: string[]) =>
  optionalString.pipe(
    z
      .string()
      .optional()
      .refine(
        (v) => {
          if (v === undefined) return true;
          try {
            return protocols.includes(new URL(v).protocol);
          } catch {
            return false;
          }
        },
        { message: `must be a URL (${protocols.join(" or ")})` },
      )
      .transform((v) => (v === undefined ? undefined : v.replace(/\/+$/, ""))),
  );

/** `CORS_ORIGINS` as the reference accepted it: a JSON array or a comma-separated list. */
export const corsOrigins = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return ["http://localhost:3000"];
      let list: unknown;
      const text = raw.trim();
      if (text.startsWith("[")) {
        try {
          list = JSON.parse(text);
        } catch {
          ctx.addIssue({ code: "custom", message: "looks like a JSON array but does not parse" });
          return z.NEVER;
        }
        if (!Array.isArray(list) || !list.every((x) => typeof x === "string")) {
          ctx.addIssue({ code: "custom", message: "must be a JSON array of strings" });
          return z.NEVER;
        }
      } else {
        list = text.split(",");
      }
      const origins = (list as string[]).map((o) => o.trim().replace(/\/+$/, "")).filter(Boolean);
      for (const origin of origins) {
        if (origin === "*") continue;
        let url: URL;
        try {
          url = new URL(origin);
        } catch {
          ctx.addIssue({
            code: "custom",
            message: `"${origin}" is not an origin like https://app.example.com`,
          });
          return z.NEVER;
        }
        if (url.origin !== origin) {
          ctx.addIssue({
            code: "custom",
            message: `"${origin}" must be a bare origin (scheme://host[:port])`,
          });
          return z.NEVER;
        }
      }
      return origins;
    }),
);
