import type { BindingErrorReason } from "@agents-crm/config/binding-errors";
import type { TwilioSenderProblem } from "@agents-crm/config/twilio";
import type { VerifyResult } from "./types";

export type VerifySummary =
  | { tone: "ok"; kind: "telegram"; bot: string; webhook: WebhookSummary }
  | { tone: "ok"; kind: "meta"; account: string }
  | { tone: "ok"; kind: "twilio"; account: string; sandbox: boolean }
  | {
      tone: "error";
      kind: "twilioSender";
      sender: string;
      problem: TwilioSenderProblem;
      status: string | null;
    }
  | { tone: "error"; kind: "failed"; reason: string; errorReason: BindingErrorReason | null }
  | { tone: "warn"; kind: "unverified"; reason: string };

export type WebhookSummary =
  | { state: "set"; url: string }
  | { state: "notConfigured"; reason: string }
  | { state: "failed"; url: string; reason: string };

/** What the platform said to a verify, in the words the console shows. */
export function verifySummary(result: VerifyResult): VerifySummary {
  if (result.status === "verification_failed") {
    // Twilio's sender problems are said in the console's language; other reasons are the platform's.
    if (result.twilioSender) {
      const { id, problem, status } = result.twilioSender;
      return { tone: "error", kind: "twilioSender", sender: id, problem, status };
    }
    return {
      tone: "error",
      kind: "failed",
      reason: result.reason,
      errorReason: result.errorReason ?? null,
    };
  }
  if (result.status === "unverified") {
    return { tone: "warn", kind: "unverified", reason: result.reason };
  }
  if ("bot" in result) {
    const { webhook } = result;
    const bot = result.bot.username ? `@${result.bot.username}` : String(result.bot.id);
    const summary: WebhookSummary =
      webhook.status === "set"
        ? { state: "set", url: webhook.url }
        : webhook.status === "not_configured"
          ? { state: "notConfigured", reason: webhook.reason }
          : { state: "failed", url: webhook.url, reason: webhook.reason };
    return { tone: "ok", kind: "telegram", bot, webhook: summary };
  }
  const { account } = result;
  const label = [account.name, account.username, account.id].filter(Boolean).join(" · ");
  return result.provider === "twilio"
    ? { tone: "ok", kind: "twilio", account: label, sandbox: result.sender?.kind === "sandbox" }
    : { tone: "ok", kind: "meta", account: label };
}
