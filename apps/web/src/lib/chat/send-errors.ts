export interface SendProblem {
  /** Shown under the message that did not go out. */
  message: string;
  /** The stored conversation is gone (or the token no longer opens it): a retry starts a new one. */
  forgetConversation: boolean;
  closed: boolean;
  agentUnavailable: boolean;
}

const problem = (message: string, flags: Partial<SendProblem> = {}): SendProblem => ({
  message,
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
  const code = trpcErrorCode(error);
  switch (code) {
    case null:
      return problem("Not sent: the chat cannot be reached. Check your connection and retry.");
    case "NOT_FOUND":
      return step === "start"
        ? problem("This assistant is not available.", { agentUnavailable: true })
        : problem("Your previous conversation has ended. Retry to start a new one.", {
            forgetConversation: true,
          });
    case "PRECONDITION_FAILED":
      if (step === "send" && /closed/i.test(messageOf(error)))
        return problem("This conversation is closed.", { closed: true });
      return problem("This assistant is not available any more.", { agentUnavailable: true });
    case "TOO_MANY_REQUESTS":
      return problem("You are sending messages too quickly. Wait a moment, then retry.");
    case "BAD_REQUEST":
      return problem("This message cannot be sent. Is it longer than 10,000 characters?");
    default:
      return problem("Not sent: something went wrong on our side. Please retry.");
  }
}
