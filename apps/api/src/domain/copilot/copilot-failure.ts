import { LlmError } from "@agents-crm/ai";
import { upstreamFailed } from "../errors";

/** A failed model call as the staff member sees it: what kind of failure, never the provider's text. */
export function copilotFailure(error: unknown): unknown {
  if (!(error instanceof LlmError)) return error;
  const what = error.kind === "timeout" ? "did not answer in time" : `failed (${error.kind})`;
  return upstreamFailed(`The model ${what}; try again`, error);
}
