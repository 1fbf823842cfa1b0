import { z } from "zod";

const url = z
  .string()
  .trim()
  .url()
  .transform((v) => v.replace(/\/+$/, ""));
const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The web app's environment, read here and nowhere else. */
const webEnvSchema = z.object({
  /** Set when the browser must call a separately deployed API (two-service deployment). */
  NEXT_PUBLIC_API_URL: z.preprocess(blankIsUnset, url.optional()),
  NEXT_PUBLIC_WS_URL: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^wss?:\/\//, "must start with ws:// or wss://")
      .transform((v) => v.replace(/\/+$/, ""))
      .optional(),
  ),
});

export type WebEnv = z.infer<typeof webEnvSchema>;

export function webEnv(): WebEnv {
  const parsed = webEnvSchema.safeParse({
    NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL,
    NEXT_PUBLIC_WS_URL: process.env.NEXT_PUBLIC_WS_URL,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** What the browser needs, handed over at request time so one build serves any deployment. */
export function publicEnv() {
  const env = webEnv();
  return { apiUrl: env.NEXT_PUBLIC_API_URL ?? null, wsUrl: env.NEXT_PUBLIC_WS_URL ?? null };
}
export type PublicEnv = ReturnType<typeof publicEnv>;

/** `next dev` (hot reload evaluates code); a build constant that Next inlines. */
export const isDevServer = process.env.NODE_ENV === "development";
