import { z } from "zod";

/**
 * The one or two lines staff read about an escalation: what the customer wants, why it was handed
 * over, the contacts shared. Stored structured, not as finished text, because staff read it in
 * their own language (console en/ru, each Telegram chat its own): the labels are the reader's,
 * `want` is the model's line in the clinic's first profile language, or (offline, `by: "rules"`) the
 * customer's own words; `why` is the escalation's reason.
 */
export const HANDOFF_SUMMARY_LIMITS = {
  want: 240,
  why: 240,
  contacts: 5,
  contact: 120,
} as const;

/** Cuts a text to `max` characters on a word boundary, with an ellipsis; collapses whitespace. */
export function clipLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const line = (max: number) => z.string().transform((text) => clipLine(text, max));

/**
 * Hand-overs the reader's app words itself (`why` keeps the English for readers without the words):
 * a message the agent cannot read (`kind`: photo, voice, file, …), a trigger keyword (`kind`: its
 * list, `detail`: the keyword), shared contact details (`kind`: phone or email) or the safety net
 * (`kind`: its categories, comma-separated; `detail`: each category's deciding words, see
 * safetyNetCause). The model's own reasons are its words and stay as written.
 */
export const HANDOFF_CAUSES = [
  "unreadable_message",
  "keyword",
  "contact_shared",
  "safety_net",
] as const;

export const handoffCauseSchema = z.object({
  code: z.enum(HANDOFF_CAUSES),
  kind: z.string().max(64),
  detail: z.string().max(120).optional(),
  /** The model's own reason when it agreed with the safety net: its words, shown before the net's. */
  lead: z.string().max(HANDOFF_SUMMARY_LIMITS.why).optional(),
});

export type HandoffCause = z.output<typeof handoffCauseSchema>;

const WORDS_SEPARATOR = "; ";

/**
 * The safety net's cause: its categories in `kind` ("medication,symptoms"), each one's deciding words
 * in `detail` ("ibuprofen, how much; rash"), cut to the schema's length.
 */
export function safetyNetCause(
  hits: readonly { category: string; words: string[] }[],
): HandoffCause {
  return {
    code: "safety_net",
    kind: hits
      .map((hit) => hit.category)
      .join(",")
      .slice(0, 64),
    detail: clipLine(hits.map((hit) => hit.words.join(", ")).join(WORDS_SEPARATOR), 120),
  };
}

/** A safety-net cause's categories with their words (words cut off by the length limit are lost). */
export function safetyNetParts(cause: HandoffCause): { category: string; words: string[] }[] {
  const words = (cause.detail ?? "").split(WORDS_SEPARATOR);
  return cause.kind
    .split(",")
    .filter(Boolean)
    .map((category, index) => ({
      category,
      words: (words[index] ?? "").split(", ").filter(Boolean),
    }));
}

export const handoffSummarySchema = z.object({
  want: line(HANDOFF_SUMMARY_LIMITS.want),
  why: line(HANDOFF_SUMMARY_LIMITS.why),
  contacts: z
    .array(line(HANDOFF_SUMMARY_LIMITS.contact))
    .transform((list) => list.filter(Boolean).slice(0, HANDOFF_SUMMARY_LIMITS.contacts)),
  /** Who wrote `want`: the model in the turn's structured answer, or the rules from the messages. */
  by: z.enum(["model", "rules"]),
  cause: handoffCauseSchema.optional(),
});

export type HandoffSummary = z.output<typeof handoffSummarySchema>;

/** A stored summary, or null for anything else (rows written before summaries, other products). */
export function parseHandoffSummary(raw: unknown): HandoffSummary | null {
  const parsed = handoffSummarySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The reader's labels (each app keeps its own en/ru words). */
export interface HandoffSummaryWords {
  want: string;
  why: string;
  contacts: string;
  /** The reason in the reader's language, for summaries that name their cause. */
  cause?: (cause: HandoffCause) => string;
}

/** Why it was handed over, in the reader's words when the summary names its cause. */
export function whyOf(summary: HandoffSummary, words: Pick<HandoffSummaryWords, "cause">): string {
  return summary.cause && words.cause ? words.cause(summary.cause) : summary.why;
}

/**
 * Two lines: what the customer wants (their own words quoted when the rules wrote it), then why and
 * the contacts. A summary without a `want` is one line.
 */
export function handoffSummaryLines(summary: HandoffSummary, words: HandoffSummaryWords): string[] {
  const want = summary.by === "rules" ? `“${summary.want}”` : summary.want;
  const second = [
    summary.why ? `${words.why}: ${whyOf(summary, words)}` : "",
    summary.contacts.length > 0 ? `${words.contacts}: ${summary.contacts.join(", ")}` : "",
  ].filter(Boolean);
  return [summary.want ? `${words.want}: ${want}` : "", second.join(" · ")].filter(Boolean);
}

/**
 * Handoff reasons the product stores itself when staff take a conversation over (not a rule's or the
 * model's words): stored in English, worded by each console in its own language.
 */
export const STAFF_HANDOFF_REASONS = {
  manual: "Manual handoff",
  staffReplied: "Staff replied",
} as const;
export type StaffHandoffReason = keyof typeof STAFF_HANDOFF_REASONS;

/** Which of STAFF_HANDOFF_REASONS `reason` is, else null (a rule's or the model's own words). */
export function staffHandoffReason(reason: string | null | undefined): StaffHandoffReason | null {
  for (const [key, text] of Object.entries(STAFF_HANDOFF_REASONS)) {
    if (reason === text) return key as StaffHandoffReason;
  }
  return null;
}
