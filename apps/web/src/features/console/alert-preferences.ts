/** Per-browser choice: escalation sound and system notifications off. */
export const ALERTS_MUTED_KEY = "acrm.admin.alerts-muted";

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;

export function readAlertsMuted(storage: Storage | null | undefined): boolean {
  try {
    return storage?.getItem(ALERTS_MUTED_KEY) === "1";
  } catch {
    // Storage can throw (privacy mode, disabled cookies): alerts stay on.
    return false;
  }
}

export function writeAlertsMuted(storage: Storage | null | undefined, muted: boolean): void {
  try {
    if (muted) storage?.setItem(ALERTS_MUTED_KEY, "1");
    else storage?.removeItem(ALERTS_MUTED_KEY);
  } catch {
    // Not persisted; the toggle still applies to this page.
  }
}
