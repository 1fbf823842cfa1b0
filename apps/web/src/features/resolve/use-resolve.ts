"use client";

import { isUnauthorized } from "~/features/console/api-error";
import type { ConversationRow } from "~/features/console/types";
import { useSession } from "~/features/console/session-context";
import { trpc } from "~/lib/trpc";

/**
 * conversations.resolve with the console's session handling. The row every open list, board and page
 * shows follows from the live `conversation.updated` event; `onResolved` gets the row at once.
 */
export function useResolve(onResolved?: (row: ConversationRow) => void) {
  const { sessionLost } = useSession();
  return trpc.conversations.resolve.useMutation({
    onSuccess: (row) => onResolved?.(row),
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
}
