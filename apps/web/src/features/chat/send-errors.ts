import { ChatUploadError } from "./chat-files";

/** Which text is shown under the message that did not go out (`chat.sendErrors`). */
export type SendProblemReason =
  | "offline"
  | "agentUnavailable"
  | "conversationEnded"
  | "closed"
  | "agentGone"
  | "tooFast"
  | "rejected"
  | "serverError"
  /** A file did not upload (too large or refused by the server, or the network). */
  | "uploadFailed";

export interface SendProblem {
  reason: SendProblemReason;
  /** The stored conversation is gone (or the token no longer opens it): a retry starts a new one. */
  forgetConversation: boolean;
  closed: boolean;
  agentUnavailable: boolean;
}

const problem = (
  reason: SendProblemReason,
  flags: Partial<Omit<SendProblem, "reason">> = {},
): SendProblem => ({
  reason,
  forgetConversation: false,
  closed: false,
  agentUnavailable: false,
  ...flags,
});

/** The tRPC error code of a TRPCClientError (`error.data.code`), or null for a network failure. */
export function trpcErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = error.data;
  if (typeof data !== "object" || data === null || !("code" in data)) return null;
  const code = data.code;
  return typeof code === "string" ? code : null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "");

/** What went wrong with `chat.start` (step "start") or `chat.send`, in the visitor's terms. */
export function describeSendError(error: unknown, step: "start" | "send"): SendProblem {
  if (error instanceof ChatUploadError) {
    // The upload route answers 404 when the token no longer opens the conversation.
    return error.status === 404
      ? problem("conversationEnded", { forgetConversation: true })
      : error.status === 429
        ? problem("tooFast")
        : problem("uploadFailed");
  }
  const code = trpcErrorCode(error);
  switch (code) {
    case null:
      return problem("offline");
    case "NOT_FOUND":
      return step === "start"
        ? problem("agentUnavailable", { agentUnavailable: true })
        : problem("conversationEnded", {
            forgetConversation: true,
          });
    case "PRECONDITION_FAILED":
      if (step === "send" && /closed/i.test(messageOf(error)))
        return problem("closed", { closed: true });
      return problem("agentGone", { agentUnavailable: true });
    case "TOO_MANY_REQUESTS":
      return problem("tooFast");
    case "BAD_REQUEST":
      return problem("rejected");
    default:
      return problem("serverError");
  }
}
