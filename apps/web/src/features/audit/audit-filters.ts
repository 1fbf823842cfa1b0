import { MAX_AUDIT_FILTER } from "@agents-crm/config/audit-actions";
import type { AuditListInput } from "./types";
import { endOfDay, isDayKey, startOfDay } from "~/lib/zoned-time";

/** What the audit page filters by; every key is a query-string parameter, so a link shares them. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  type?: string;
  target?: string;
  /** Calendar days (YYYY-MM-DD) in the viewer's zone, both inclusive. */
  from?: string;
  to?: string;
}

export const AUDIT_FILTER_KEYS = ["actor", "action", "type", "target", "from", "to"] as const;

/** The API refuses longer filter values; a longer one in a hand-edited link is dropped. */

export function auditFiltersFromParams(
  params: Record<string, string | string[] | undefined>,
): AuditFilters {
  const out: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value || value.length > MAX_AUDIT_FILTER) continue;
    if ((key === "from" || key === "to") && !isDayKey(value)) continue;
    out[key] = value;
  }
  return out;
}

export function compactAuditFilters(filters: AuditFilters): AuditFilters {
  const out: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function auditFiltersToQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function sameAuditFilters(a: AuditFilters, b: AuditFilters): boolean {
  return AUDIT_FILTER_KEYS.every((key) => (a[key] ?? "") === (b[key] ?? ""));
}

/** A range that ends before it starts: the page says so instead of asking the API. */
export function rangeProblem(filters: AuditFilters): "from" | null {
  return filters.from && filters.to && filters.from > filters.to ? "from" : null;
}

/** `audit.list` input for the filters: days become instants at the viewer's midnights. */
export function auditListInput(
  filters: AuditFilters,
  timeZone: string,
): Omit<AuditListInput, "cursor" | "limit"> {
  return {
    ...(filters.actor ? { actorId: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.type ? { resourceType: filters.type } : {}),
    ...(filters.target ? { resourceId: filters.target } : {}),
    ...(filters.from ? { from: startOfDay(filters.from, timeZone) } : {}),
    ...(filters.to ? { to: endOfDay(filters.to, timeZone) } : {}),
  };
}
