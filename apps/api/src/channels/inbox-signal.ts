/**
 * Wakes this process's inbox workers the moment a webhook has stored new events, so processing starts
 * without waiting for the next poll. Only a hint: workers on other replicas (and after a crash) still
 * find the events by polling the inbox.
 */
export interface InboxSignal {
  notify(): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function createInboxSignal(): InboxSignal {
  const listeners = new Set<() => void>();
  return {
    notify() {
      for (const listener of listeners) {
        try {
          listener();
        } catch {
          // A listener's failure must not fail the webhook that has already stored its events.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
