import type { ApiDeps } from "../deps";
import { withLogContext } from "./log-context";

export type TurnStep = "history" | "model" | "commit";
export type TurnOutcome = "replied" | "escalated" | "discarded" | "skipped" | "failed";

/** What a turn tells its observer as it goes: each step as it ends, then how it ended. */
export interface TurnClock {
  /** The step that ran since the previous one ended (or the turn started) has just ended. */
  stepDone(step: TurnStep): void;
  outcome: TurnOutcome;
}

/**
 * Runs one turn under its id (in every log line written inside) and its span (steps are child spans),
 * and counts it: outcome by channel, total latency, each step's latency.
 */
export function observeTurn<T>(
  deps: Pick<ApiDeps, "metrics" | "tracer">,
  turn: { turnId: string; conversationId: string; messages: number },
  channelOf: (output: T | null) => string,
  run: (clock: TurnClock) => Promise<T>,
): Promise<T> {
  const { metrics, tracer } = deps;
  const attributes = {
    "turn.id": turn.turnId,
    "conversation.id": turn.conversationId,
    "turn.messages": turn.messages,
  };
  return withLogContext({ turnId: turn.turnId }, () =>
    tracer.inSpan("turn", attributes, async (span) => {
      const startedAt = performance.now();
      let stepStartedAt = startedAt;
      const clock: TurnClock = {
        outcome: "discarded",
        stepDone(step) {
          const now = performance.now();
          metrics.turnStepDuration.observe({ step }, (now - stepStartedAt) / 1000);
          tracer.recordChild(`turn.${step}`, now - stepStartedAt);
          stepStartedAt = now;
        },
      };
      let output: T | null = null;
      try {
        output = await run(clock);
        return output;
      } catch (error) {
        clock.outcome = "failed";
        throw error;
      } finally {
        const channel = channelOf(output);
        span.setAttribute("turn.outcome", clock.outcome);
        span.setAttribute("conversation.channel", channel);
        metrics.turns.inc({ channel, outcome: clock.outcome });
        if (clock.outcome !== "failed" && clock.outcome !== "skipped") {
          metrics.turnDuration.observe({ channel }, (performance.now() - startedAt) / 1000);
        }
      }
    }),
  );
}
