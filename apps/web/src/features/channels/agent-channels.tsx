"use client";

import { Button } from "~/ui/button";
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
import { ListStates } from "./list-states";

/** The agent's channels tab: Instagram, Telegram and WhatsApp bindings with guidance, health and replay. */
export function AgentChannels({ agentId }: { agentId: string }) {
  const t = useT("channels");
  const utils = trpc.useUtils();
  const bindings = trpc.bindings.list.useQuery({ agentId });
  const health = trpc.bindings.health.useQuery({ agentId });
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
        <ListStates
          query={bindings}
          count={items.length}
          failed={t.loadFailed}
          onRetry={() => void bindings.refetch()}
          empty={t.empty}
          emptyTestId="channels-empty"
        >
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
        </ListStates>
      </section>

      <ConnectChannel
        agentId={agentId}
        onConnected={(bindingId, verified) => {
          remember(bindingId, verified);
          refresh();
        }}
      />

      <DeadLetters agentId={agentId} onReplayed={refresh} />
    </div>
  );
}

/** The buttons that open the form connecting a channel (one form at a time). */
function ConnectChannel({
  agentId,
  onConnected,
}: {
  agentId: string;
  onConnected: (bindingId: string, verified: VerifyResult | null) => void;
}) {
  const t = useT("channels");
  const common = useT("common");
  const [connecting, setConnecting] = useState<BoundChannel | null>(null);
  return (
    <section className={styles.section} aria-label={t.connect}>
      <div className={styles.pickers} role="group" aria-label={t.connect}>
        {PLATFORMS.map((channel) => (
          <Button
            key={channel}
            aria-pressed={connecting === channel}
            onClick={() => setConnecting(connecting === channel ? null : channel)}
            data-testid={`connect-${channel}`}
          >
            {t.connectChannel(common.channels[channel])}
          </Button>
        ))}
      </div>
      {connecting && (
        <BindingForm
          key={connecting}
          agentId={agentId}
          mode={{ kind: "create", channel: connecting }}
          onCancel={() => setConnecting(null)}
          onDone={(bindingId, verified) => {
            setConnecting(null);
            onConnected(bindingId, verified);
          }}
        />
      )}
    </section>
  );
}
