import { z } from "zod";
import { formatNumber } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import type { TranscriptMessage } from "~/features/console/types";

// Agent messages record their turn in `metadata` (apps/api domain/turns/reply-metadata.ts). Older or
// channel messages may lack any of it, so every part is optional and read defensively.
const sourceSchema = z.object({
  sourceId: z.string(),
  title: z.string().catch(""),
  score: z.number().optional().catch(undefined),
});
const usageSchema = z.object({
  costUsd: z.number().nullish().catch(null),
  latencyMs: z.number().nullish().catch(null),
  llmLatencyMs: z.number().nullish().catch(null),
  totalTokens: z.number().nullish().catch(null),
});
const escalationSchema = z.object({
  type: z.string().catch("escalation"),
  reason: z.string().catch(""),
  confidence: z.number().nullish().catch(null),
});

export interface TurnDetails {
  sources: { sourceId: string; title: string; score: number | null }[];
  usage: {
    costUsd: number | null;
    latencyMs: number | null;
    llmLatencyMs: number | null;
    totalTokens: number | null;
  } | null;
  escalation: { type: string; reason: string } | null;
  offline: boolean;
  fallback: boolean;
}

export function turnDetails(
  message: Pick<TranscriptMessage, "role" | "metadata">,
): TurnDetails | null {
  if (message.role !== "agent") return null;
  const meta = message.metadata;
  const sources = z.array(sourceSchema).safeParse(meta.sources);
  const usage = usageSchema.safeParse(meta.usage);
  const escalation = escalationSchema.safeParse(meta.escalation);
  return {
    sources: sources.success
      ? sources.data.map((s) => ({
          sourceId: s.sourceId,
          title: s.title || s.sourceId,
          score: s.score ?? null,
        }))
      : [],
    usage: usage.success
      ? {
          costUsd: usage.data.costUsd ?? null,
          latencyMs: usage.data.latencyMs ?? null,
          llmLatencyMs: usage.data.llmLatencyMs ?? null,
          totalTokens: usage.data.totalTokens ?? null,
        }
      : null,
    escalation: escalation.success
      ? { type: escalation.data.type, reason: escalation.data.reason }
      : null,
    offline: meta.offline === true,
    fallback: meta.fallback === true,
  };
}

/** "$0.0012" (sub-cent costs keep four decimals), "$0" for a free (offline) turn. */
export function formatCost(usd: number, locale: Locale): string {
  const amount = usd === 0 ? "0" : usd < 0.01 ? usd.toFixed(4) : usd.toFixed(2);
  return locale === "ru" ? `${amount.replace(".", ",")} $` : `$${amount}`;
}

/** "850 ms" / "2.3 s" (in the console's language: "850 мс" / "2,3 с"). */
export function formatLatency(
  ms: number,
  locale: Locale,
  words: { milliseconds: (n: string) => string; seconds: (n: string) => string },
): string {
  return ms < 1000
    ? words.milliseconds(formatNumber(locale, Math.round(ms)))
    : words.seconds(formatNumber(locale, Math.round(ms / 100) / 10, 1));
}

/** Who wrote an admin message: the name recorded with it, else the account id, else `staff`. */
export function authorOf(
  message: Pick<TranscriptMessage, "authorId" | "metadata">,
  staff: string,
): string {
  const name = message.metadata.authorName;
  if (typeof name === "string" && name.trim()) return name.trim();
  return message.authorId ?? staff;
}
