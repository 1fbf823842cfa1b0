import { inboundEventSchema } from "../inbound-event";
import type { RoutedBinding } from "./binding-resolver";
import type { ParsedEvent } from "./parsed-event";
import type { RoutedEvent } from "./record-events";

/**
 * Parsed events → inbox events of the binding each one's account routes to. Events of unknown
 * accounts, inactive bindings and inactive agents are acknowledged and dropped (the reasons counted).
 */
export function routeEvents(
  events: ParsedEvent[],
  routeOf: (event: ParsedEvent) => RoutedBinding | null | undefined,
): { routed: RoutedEvent[]; skipped: string[]; unknownAccounts: string[] } {
  const routed: RoutedEvent[] = [];
  const skipped: string[] = [];
  const unknownAccounts = new Set<string>();
  for (const { orderSort, ...parsed } of events) {
    const route = routeOf({ orderSort, ...parsed });
    if (!route) {
      skipped.push("no_binding");
      unknownAccounts.add(parsed.accountId);
    } else if (route.refusal) {
      skipped.push(route.refusal);
    } else {
      const { bindingId, agentId } = route.binding;
      routed.push({
        event: inboundEventSchema.parse({ ...parsed, bindingId, agentId }),
        orderSort,
      });
    }
  }
  return { routed, skipped, unknownAccounts: [...unknownAccounts] };
}
