"use client";

import { trpc } from "../lib/trpc";

/** Names the model answering customers; says plainly when it is the offline demo model. */
export function ModelLabel() {
  const health = trpc.system.health.useQuery(undefined, { staleTime: 60_000 });
  if (!health.data) return null;
  return (
    <p className="muted" data-testid="model-label" data-offline={health.data.model.offline}>
      Answers by: {health.data.model.label}
    </p>
  );
}
