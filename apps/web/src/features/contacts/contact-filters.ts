import { CHANNELS, type Channel } from "@agents-crm/config/channels";
import { normalizeLabel, isValidLabel } from "./label-text";

export interface ContactFilters {
  search?: string;
  label?: string;
  channel?: Channel;
}

const MAX_SEARCH = 200;
type Params = Record<string, string | string[] | undefined>;

const first = (params: Params, key: string) => {
  const raw = params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
};

/** Filters from `?search=…&label=…&channel=…` (what the API would refuse is dropped). */
export function contactFiltersFromParams(params: Params): ContactFilters {
  const search = first(params, "search")?.slice(0, MAX_SEARCH);
  const rawLabel = first(params, "label");
  const label = rawLabel ? normalizeLabel(rawLabel) : undefined;
  const channel = CHANNELS.find((c) => c === first(params, "channel"));
  return {
    ...(search ? { search } : {}),
    ...(label && isValidLabel(label) ? { label } : {}),
    ...(channel ? { channel } : {}),
  };
}

export function contactFiltersToQuery(filters: ContactFilters): string {
  const params = new URLSearchParams();
  if (filters.search) params.set("search", filters.search);
  if (filters.label) params.set("label", filters.label);
  if (filters.channel) params.set("channel", filters.channel);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export const hasContactFilters = (filters: ContactFilters) =>
  Boolean(filters.search ?? filters.label ?? filters.channel);
