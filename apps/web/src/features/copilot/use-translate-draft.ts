"use client";

import { useState } from "react";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { trpc } from "~/lib/trpc";
import { rememberCustomerLanguage } from "./customer-language-store";

/**
 * The draft in the customer's language (`conversations.translate` with `to: "customer"`), replacing the
 * draft for review; the text before it is kept for one undo.
 */
export function useTranslateDraft(
  conversationId: string,
  draft: string,
  setDraft: (text: string) => void,
) {
  const { sessionLost } = useSession();
  const [undo, setUndo] = useState<{ before: string; after: string; language: string } | null>(
    null,
  );
  const mutation = trpc.conversations.translate.useMutation({
    onSuccess: (result, input) => {
      setUndo({ before: input.text ?? "", after: result.text, language: result.to });
      rememberCustomerLanguage(conversationId, result.to);
      setDraft(result.text);
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });
  const translate = () => {
    const text = draft.trim();
    if (!text || mutation.isPending) return;
    setUndo(null);
    mutation.mutate({ conversationId, text, to: "customer" });
  };
  const revert = () => {
    if (!undo) return;
    setDraft(undo.before);
    setUndo(null);
  };
  // The undo offer lasts while the draft is the translation: an edit or a send makes it moot.
  const translated = undo !== null && undo.after === draft ? undo : null;
  return { translate, revert, translated, mutation };
}
