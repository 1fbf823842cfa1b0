"use client";

import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { trpc } from "~/lib/trpc";
import type { Binding, VerifyResult } from "./types";

/**
 * What an admin does with a connected account: verify it, switch it on or off, delete it. A refused
 * verify or switch shows as the card's problem; a lost session ends the console's session.
 */
export function useBindingActions(
  binding: Binding,
  onVerified: (result: VerifyResult) => void,
  onChanged: () => void,
) {
  const { sessionLost } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const onError = (error: { message: string }) => {
    if (isUnauthorized(error)) sessionLost();
    else setProblem(error.message);
  };
  const verify = trpc.bindings.verify.useMutation({
    onSuccess: (result) => {
      onVerified(result);
      onChanged();
    },
    onError,
  });
  const toggle = trpc.bindings.update.useMutation({ onSuccess: onChanged, onError });
  const remove = trpc.bindings.delete.useMutation({
    onSuccess: () => {
      setDeleting(false);
      onChanged();
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  return {
    problem,
    busy: verify.isPending || toggle.isPending || remove.isPending,
    verifying: verify.isPending,
    verify: () => {
      setProblem(null);
      verify.mutate({ bindingId: binding.bindingId });
    },
    toggle: () => {
      setProblem(null);
      toggle.mutate({
        bindingId: binding.bindingId,
        isActive: !binding.isActive,
        expectedVersion: binding.version,
      });
    },
    deleting,
    askDelete: () => setDeleting(true),
    remove,
    closeDelete: () => setDeleting(false),
  };
}
