"use client";

import type { BoundChannel } from "./types";
import { useT } from "~/i18n/i18n-provider";
import styles from "./channels.module.css";
import { WebhookBox } from "./webhook-box";

/** Step-by-step: where to find each value on the platform, then where to point its webhook. */
export function ChannelGuide({ channel }: { channel: BoundChannel }) {
  const t = useT("channels");
  const steps = Object.values(t.guides[channel]);
  return (
    <>
      <ol className={styles.steps} data-testid={`guide-${channel}`}>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {channel !== "telegram" && <WebhookBox channel={channel} />}
    </>
  );
}
