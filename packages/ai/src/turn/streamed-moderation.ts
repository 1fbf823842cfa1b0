import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { CallMetrics, Moderator } from "../providers/types";
import { moderate, type ModerationVerdict } from "./moderation-step";
import type { TurnLogger } from "./types";

/** A sentence end (any script's terminator, closing quotes) followed by a space, or a line break. */
const BOUNDARY = /(?:[.!?…؟۔。！？।]+["'»”’)\]]*\s|\n)/gu;
/** Fewer characters than this wait for more sentences: a moderation call per short sentence costs more than it saves. */
const MIN_SEGMENT_CHARS = 200;
/**
 * A run of sentences waits this long for more before it is checked, so a reply that arrives at once (a
 * fast model, a short reply) costs one check at its end instead of two; a mid-reply check started this
 * much later still ends long before a streamed reply does.
 */
export const COALESCE_MS = 25;

/** The end of the last sentence in `text` from `from` on, or -1. */
function lastBoundary(text: string, from: number): number {
  let end = -1;
  BOUNDARY.lastIndex = from;
  for (let match = BOUNDARY.exec(text); match; match = BOUNDARY.exec(text)) {
    end = match.index + match[0].length;
  }
  return end;
}

/**
 * Output moderation of a reply while it streams: each run of complete sentences is checked as soon as
 * it arrives (after the last sentence checked before it, so no sentence is judged without the one before
 * it), and only the tail after the last checked sentence waits for the reply to end. `flagged` turns true as soon as any
 * check flags, so the caller can stop streaming the rest.
 */
export class StreamedModeration {
  flagged = false;
  private text = "";
  private checkedUpTo = 0;
  /** Where the next check starts: the last sentence already checked, as context for what follows. */
  private contextStart = 0;
  private completed: string | null = null;
  private pending: ReturnType<typeof setTimeout> | null = null;
  private readonly checks: Promise<ModerationVerdict>[] = [];

  constructor(
    private readonly moderator: Moderator,
    private readonly config: AgentConfig,
    private readonly context: { agentId: string; logger: TurnLogger; signal?: AbortSignal },
  ) {}

  /** The reply text so far (it only grows). */
  update(reply: string): void {
    if (this.completed !== null) return;
    this.text = reply;
    if (this.pending === null && this.checkableEnd() >= 0) {
      this.pending = setTimeout(() => this.checkWhatArrived(), COALESCE_MS);
    }
  }

  /** The whole reply: checks what is left after the last sentence already checked. */
  complete(reply: string): void {
    if (this.completed !== null) return;
    this.completed = reply;
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
    if (!reply.startsWith(this.text)) {
      // Not the text that streamed (cannot happen with one attempt; kept honest for any caller).
      this.checkedUpTo = 0;
      this.contextStart = 0;
    }
    this.text = reply;
    if (this.checkedUpTo < reply.length) this.check(reply.length);
  }

  /** The reply this watcher completed with, or null while it streams. */
  get reply(): string | null {
    return this.completed;
  }

  /** Every check's verdict folded into one: flagged by the first that flagged. */
  async verdict(): Promise<{ flagged: boolean; category: string | null; metrics: CallMetrics[] }> {
    const verdicts = await Promise.all(this.checks);
    const flagged = verdicts.find((verdict) => verdict.flagged);
    return {
      flagged: flagged !== undefined,
      category: flagged?.category ?? null,
      metrics: verdicts.flatMap((verdict) => (verdict.metrics ? [verdict.metrics] : [])),
    };
  }

  /** The end of the complete sentences not yet checked, when they are worth a call; else -1. */
  private checkableEnd(): number {
    const end = lastBoundary(this.text, this.checkedUpTo);
    return end < 0 || end - this.checkedUpTo < MIN_SEGMENT_CHARS ? -1 : end;
  }

  private checkWhatArrived(): void {
    this.pending = null;
    if (this.completed !== null || this.context.signal?.aborted) return;
    const end = this.checkableEnd();
    if (end >= 0) this.check(end);
  }

  private check(end: number): void {
    const segment = this.text.slice(this.contextStart, end);
    const lastSentence = lastBoundary(this.text.slice(0, end - 1), this.checkedUpTo);
    this.contextStart = lastSentence > 0 ? lastSentence : this.checkedUpTo;
    this.checkedUpTo = end;
    const verdict = moderate(this.moderator, this.config, segment, {
      ...this.context,
      stage: "output",
    }).then((result) => {
      if (result.flagged) this.flagged = true;
      return result;
    });
    this.checks.push(verdict);
  }
}

export function streamedModeration(
  moderator: Moderator,
  config: AgentConfig,
  context: { agentId: string; logger: TurnLogger; signal?: AbortSignal },
): StreamedModeration {
  return new StreamedModeration(moderator, config, context);
}

/**
 * The output verdict of the final reply: what the streamed checks found when they followed this very
 * reply, otherwise (a retried answer, or nothing watched) one check of the whole reply.
 */
export function outputVerdict(
  watcher: StreamedModeration | null,
  reply: string,
  fresh: () => StreamedModeration,
): ReturnType<StreamedModeration["verdict"]> {
  if (watcher?.reply === reply) return watcher.verdict();
  const whole = fresh();
  whole.complete(reply);
  return whole.verdict();
}
