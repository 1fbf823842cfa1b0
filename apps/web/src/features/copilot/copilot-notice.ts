import { errorCode, errorMessage } from "~/features/console/api-error";
import type { copilot } from "./messages";

type CopilotMessages = (typeof copilot)["en"];

/** What a failed suggestion or translation says, in the reader's language where the cause is known. */
export function copilotErrorText(error: unknown, t: CopilotMessages, offline: boolean): string {
  const code = errorCode(error);
  if (code === "TOO_MANY_REQUESTS") return t.tooMany;
  if (code === "PRECONDITION_FAILED" && offline) return t.needsModel;
  return errorMessage(error, t.failed);
}
