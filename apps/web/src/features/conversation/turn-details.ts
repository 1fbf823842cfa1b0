import type { HandoffCause } from "@agents-crm/config/handoff-summary";
import { formatNumber } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import type { TranscriptMessage } from "~/features/console/types";

export interface TurnDetails {
  sources: { sourceId: string; title: string; score: number | null }[];
  usage: {
    costUsd: number | null;
    latencyMs: number | null;
    llmLatencyMs: number | null;
    totalTokens: number | null;
  } | null;
  /** `cause`: what the reason says, for the reader's own words (rules that name it). */
  escalation: { type: string; reason: string; cause: HandoffCause | null } | null;
  offline: boolean;
  fallback: boolean;
}

/** What an agent turn recorded (metadata is read by the shared schema: older rows may lack any of it). */
export function turnDetails(
  message: Pick<TranscriptMessage, "role" | "metadata">,
): TurnDetails | null {
  if (message.role !== "agent") return null;
  const { sources, usage, escalation, offline, fallback } = message.metadata;
  return {
    sources: (sources ?? []).map((s) => ({
      sourceId: s.sourceId,
      title: s.title || s.sourceId,
      score: s.score ?? null,
    })),
    usage: usage
      ? {
          costUsd: usage.costUsd ?? null,
          latencyMs: usage.latencyMs ?? null,
          llmLatencyMs: usage.llmLatencyMs ?? null,
          totalTokens: usage.totalTokens ?? null,
        }
      : null,
    escalation: escalation
      ? {
          type: escalation.type ?? "escalation",
          reason: escalation.reason ?? "",
          cause: escalation.summary?.cause ?? null,
        }
      : null,
    offline: offline === true,
    fallback: fallback === true,
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
  const name = message.metadata.authorName?.trim();
  if (name) return name;
  return message.authorId ?? staff;
}
