"use client";

import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Notice } from "~/ui/notice";
import type { Binding } from "./types";

/**
 * A Telegram bot ignores groups, supergroups and channels unless this is on; then it answers in a group
 * only where it is mentioned or replied to, one conversation per group.
 */
export function TelegramGroupsOption({
  binding,
  onChanged,
}: {
  binding: Binding;
  onChanged: () => void;
}) {
  const t = useT("channels").groups;
  const { sessionLost } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const update = trpc.bindings.update.useMutation({
    onSuccess: onChanged,
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
      else setProblem(error.message);
    },
  });
  const allowed = binding.metadata.allowGroups === true;
  return (
    <div data-testid="telegram-groups">
      <label>
        <input
          type="checkbox"
          checked={allowed}
          disabled={update.isPending}
          data-testid="telegram-groups-toggle"
          onChange={(e) => {
            setProblem(null);
            update.mutate({
              bindingId: binding.bindingId,
              metadata: { ...binding.metadata, allowGroups: e.target.checked },
              expectedVersion: binding.version,
            });
          }}
        />{" "}
        {t.label}
      </label>
      <p className="muted">{allowed ? t.onHint : t.offHint}</p>
      {problem && (
        <Notice tone="danger" look="text" role="alert">
          {problem}
        </Notice>
      )}
    </div>
  );
}
