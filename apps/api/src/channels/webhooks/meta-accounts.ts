import type { Platform } from "@agents-crm/config/channels";
import type { BindingResolver, RoutedBinding } from "./binding-resolver";

/**
 * Distinct accounts one delivery may name when the environment's app secret cannot vouch for it, and so
 * each account's binding must be looked up to find the secret that can. Meta sends one entry per
 * account, and a deployment answers on a handful of accounts; thousands of ids are an attack.
 */
export const META_MAX_ACCOUNTS_PER_DELIVERY = 100;

/** Binding lookups of one delivery in flight at once, so one request cannot queue thousands of reads. */
export const META_ACCOUNT_LOOKUP_CONCURRENCY = 4;

export type AccountRoutes = Map<string, RoutedBinding | null>;

/** Each account's binding, looked up a few at a time. */
export async function routeAccounts(
  resolver: BindingResolver,
  platform: Platform,
  accounts: readonly string[],
  options: { rememberMisses: boolean },
): Promise<AccountRoutes> {
  const routes: AccountRoutes = new Map();
  let next = 0;
  const lane = async () => {
    while (next < accounts.length) {
      const account = accounts[next++] as string;
      routes.set(account, await resolver.forAccount(platform, account, options.rememberMisses));
    }
  };
  await Promise.all(Array.from({ length: META_ACCOUNT_LOOKUP_CONCURRENCY }, lane));
  return routes;
}
