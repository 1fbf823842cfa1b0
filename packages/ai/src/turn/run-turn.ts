import { streamTurn } from "./stream-turn";
import type { TurnDeps, TurnInput, TurnResult } from "./types";

/** One agent turn without streaming: the result of `streamTurn`. */
export async function runTurn(input: TurnInput, deps: TurnDeps): Promise<TurnResult> {
  for await (const event of streamTurn(input, deps)) {
    if (event.type === "result") return event.result;
  }
  throw new Error("streamTurn ended without a result");
}
