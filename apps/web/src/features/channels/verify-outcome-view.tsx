"use client";

import { bindingErrorText } from "./binding-error-text";
import { verifySummary } from "./verify-outcome";
import type { VerifyResult } from "./types";
import { useT } from "~/i18n/i18n-provider";
import styles from "./channels.module.css";

/** What the platform answered to Verify, word for word where it gave a reason. */
export function VerifyOutcomeView({ result }: { result: VerifyResult }) {
  const words = useT("channels");
  const t = words.verifyResult;
  const summary = verifySummary(result);
  const lines: string[] = [];
  if (summary.kind === "telegram") {
    lines.push(t.telegramOk(summary.bot));
    const { webhook } = summary;
    if (webhook.state === "set") lines.push(t.webhookSet(webhook.url));
    else if (webhook.state === "notConfigured") lines.push(t.webhookNotConfigured);
    else lines.push(t.webhookFailed(webhook.reason));
  } else if (summary.kind === "meta") lines.push(t.metaOk(summary.account));
  else if (summary.kind === "twilio") {
    lines.push(t.twilioOk(summary.account));
    if (summary.sandbox) lines.push(t.twilioSandbox);
  } else if (summary.kind === "twilioSender") {
    lines.push(t.twilioSender[summary.problem](summary.sender, summary.status ?? ""));
  } else if (summary.kind === "failed") {
    lines.push(
      summary.errorReason
        ? bindingErrorText({ reason: summary.errorReason, text: summary.reason }, words)
        : t.failed(summary.reason),
    );
  } else lines.push(t.unverified(summary.reason));
  const tone =
    summary.kind === "telegram" && summary.webhook.state !== "set" ? "warn" : summary.tone;
  return (
    <div className={styles.outcome} data-tone={tone} role="status" data-testid="verify-outcome">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
