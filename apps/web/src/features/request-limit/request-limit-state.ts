/** Until when the console is holding refused requests back (epoch ms), observable by components. */
export interface RequestLimitState {
  until: () => number | null;
  subscribe: (listener: () => void) => () => void;
  /** A refused request goes out again in `seconds`. */
  waiting: (seconds: number) => void;
}

export function createRequestLimitState(now: () => number = Date.now): RequestLimitState {
  let until: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    until: () => until,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    waiting(seconds) {
      const next = now() + seconds * 1000;
      if (until !== null && until >= next) return;
      until = next;
      notify();
      clearTimeout(timer);
      timer = setTimeout(() => {
        until = null;
        notify();
      }, next - now());
    },
  };
}
