"use client";

import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";

/** Names the model answering customers; says plainly when it is the offline demo model. */
export function ModelLabel() {
  const t = useT("chat").home;
  const health = trpc.system.health.useQuery(undefined, { staleTime: 60_000 });
  if (!health.data) return null;
  return (
    <p className="muted" data-testid="model-label" data-offline={health.data.model.offline}>
      {/* The offline model's name is ours to translate; a real model's name is its own. */}
      {t.answersBy(health.data.model.offline ? t.offlineModel : health.data.model.label)}
    </p>
  );
}
