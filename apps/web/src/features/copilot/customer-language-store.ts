import { useSyncExternalStore } from "react";

/**
 * The customer's language per conversation, as the last translation found it (a customer message's
 * source language, or a draft's target), so the composer can name it ("Translate to German"). It lives
 * for the tab: it is a hint, never stored.
 */
const languages = new Map<string, string>();
const listeners = new Set<() => void>();

export function rememberCustomerLanguage(conversationId: string, tag: string): void {
  if (!tag || tag === "und" || languages.get(conversationId) === tag) return;
  languages.set(conversationId, tag);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useCustomerLanguage(conversationId: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => languages.get(conversationId) ?? null,
    () => null,
  );
}
