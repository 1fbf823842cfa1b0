import { loginProblem, type ApiErrorLike } from "~/features/console/api-error";

export interface CodeProblem {
  /** Which text to show (`login.code.problems` in the dictionaries). */
  reason: "throttled" | "invalid" | "missing" | "mailUnavailable" | "unavailable";
  /** Throttled until then (epoch ms): the form stays disabled and counts down. */
  retryAt: number | null;
}

/**
 * A failed code request or code sign-in, in the words the page shows. The API answers BAD_GATEWAY when
 * its SMTP server does not answer, and PRECONDITION_FAILED when e-mail is not set up (a page loaded
 * before the server was reconfigured): either way, e-mail cannot be used now.
 */
export function codeProblem(error: ApiErrorLike, nowMs: number): CodeProblem {
  const code = error.data?.code;
  if (code === "BAD_GATEWAY" || code === "PRECONDITION_FAILED") {
    return { reason: "mailUnavailable", retryAt: null };
  }
  return loginProblem(error, nowMs);
}
