"use client";

import { handoffSummaryLines, type HandoffSummary } from "@agents-crm/config/handoff-summary";
import { useT } from "~/i18n/i18n-provider";
import styles from "./handoff-summary.module.css";

/** The summary's lines in the console's language (what the customer wants; why; contacts). */
export function useHandoffSummaryLines(): (summary: HandoffSummary) => string[] {
  const words = useT("common").summary;
  return (summary) => handoffSummaryLines(summary, words);
}

/**
 * The one or two lines staff read about an escalation. `compact` (inbox rows) cuts each line at two
 * rows of text; elsewhere the lines wrap in full.
 */
export function HandoffSummaryLines({
  summary,
  compact = false,
  testId = "handoff-summary",
}: {
  summary: HandoffSummary | null | undefined;
  compact?: boolean;
  testId?: string;
}) {
  const t = useT("common").summary;
  const linesOf = useHandoffSummaryLines();
  if (!summary) return null;
  const lines = linesOf(summary);
  if (lines.length === 0) return null;
  return (
    <div
      className={styles.summary}
      data-compact={compact}
      data-by={summary.by}
      data-testid={testId}
      aria-label={t.label}
      role="note"
    >
      {lines.map((line) => (
        <p key={line} className={styles.line}>
          {line}
        </p>
      ))}
    </div>
  );
}
