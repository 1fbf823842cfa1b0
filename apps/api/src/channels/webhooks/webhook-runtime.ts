import type { ApiDeps } from "../../deps";
import type { Logger } from "../../logger";
import type { BindingResolver } from "./binding-resolver";
import type { UnsignedPolicy } from "./unsigned-policy";

/** What every webhook handler shares, built once per server. */
export interface WebhookRuntime {
  deps: Pick<ApiDeps, "env" | "repos" | "inboxSignal" | "metrics">;
  log: Logger;
  resolver: BindingResolver;
  unsigned: UnsignedPolicy;
}

export const headerOf = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Counts per reason, for one log line per request (never the payload: messages are personal data). */
export const tally = (reasons: string[]) =>
  reasons.reduce<Record<string, number>>((counts, reason) => {
    counts[reason] = (counts[reason] ?? 0) + 1;
    return counts;
  }, {});
