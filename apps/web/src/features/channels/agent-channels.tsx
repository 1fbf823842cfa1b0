"use client";

import { useState } from "react";
import { healthById } from "./binding-status";
import { PLATFORMS } from "@agents-crm/config/channels";
import type { BoundChannel, VerifyResult } from "./types";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { BindingCard } from "./binding-card";
import { BindingForm } from "./binding-form";
import styles from "./channels.module.css";
import { DeadLetters } from "./dead-letters";

/** The agent's channels tab: Instagram, Telegram and WhatsApp bindings with guidance, health and replay. */
export function AgentChannels({ agentId }: { agentId: string }) {
  const t = useT("channels");
  const common = useT("common");
  const utils = trpc.useUtils();
  const bindings = trpc.bindings.list.useQuery({ agentId });
  const health = trpc.bindings.health.useQuery({ agentId });
  const [connecting, setConnecting] = useState<BoundChannel | null>(null);
  // The platform's last answer per binding, kept while the page is open (the API stores only the verdict).
  const [outcomes, setOutcomes] = useState<Record<string, VerifyResult>>({});
  const healthOf = healthById(health.data?.items);

  const refresh = () => {
    void utils.bindings.list.invalidate({ agentId });
    void utils.bindings.health.invalidate({ agentId });
  };
  const remember = (bindingId: string, result: VerifyResult | null) => {
    if (result) setOutcomes((known) => ({ ...known, [bindingId]: result }));
  };

  const items = bindings.data?.items ?? [];
  return (
    <div className={styles.channels} data-testid="agent-channels" data-agent-id={agentId}>
      <section className={styles.section} aria-labelledby="channels-title">
        <h2 id="channels-title">{t.title}</h2>
        <p className="muted">{t.intro}</p>
        {bindings.isPending ? (
          <p className="muted">{common.actions.loading}</p>
        ) : bindings.isError ? (
          <p className={styles.error} role="alert">
            {t.loadFailed} {bindings.error.message}{" "}
            <button type="button" onClick={() => void bindings.refetch()}>
              {common.actions.retry}
            </button>
          </p>
        ) : items.length === 0 ? (
          <p className="muted" data-testid="channels-empty">
            {t.empty}
          </p>
        ) : (
          <ul className={styles.list}>
            {items.map((binding) => (
              <BindingCard
                key={binding.bindingId}
                binding={binding}
                health={healthOf.get(binding.bindingId)}
                outcome={outcomes[binding.bindingId]}
                onVerified={(result) => remember(binding.bindingId, result)}
                onChanged={refresh}
              />
            ))}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-label={t.connect}>
        <div className={styles.pickers} role="group" aria-label={t.connect}>
          {PLATFORMS.map((channel) => (
            <button
              key={channel}
              type="button"
              aria-pressed={connecting === channel}
              onClick={() => setConnecting(connecting === channel ? null : channel)}
              data-testid={`connect-${channel}`}
            >
              {t.connectChannel(common.channels[channel])}
            </button>
          ))}
        </div>
        {connecting && (
          <BindingForm
            key={connecting}
            agentId={agentId}
            mode={{ kind: "create", channel: connecting }}
            onCancel={() => setConnecting(null)}
            onDone={(bindingId, verified) => {
              remember(bindingId, verified);
              setConnecting(null);
              refresh();
            }}
          />
        )}
      </section>

      <DeadLetters agentId={agentId} onReplayed={refresh} />
    </div>
  );
}
