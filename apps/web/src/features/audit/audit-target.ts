import type { audit } from "./messages";
import { pathSegment } from "~/lib/path-segment";
import type { AuditEntry } from "./types";

type Targets = (typeof audit)["en"]["targets"];

export interface AuditTarget {
  id: string;
  /** What the row shows (a short id, an agent's name, a user's name). */
  label: string;
  /** Where the object lives in the console; null when it has no page. */
  href: string | null;
}

export const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

export const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;

/** The last characters of an id (ULIDs differ at the end), as the conversation list shows them. */
const short = (id: string) => (id.length > 8 ? id.slice(-6).toLowerCase() : id);

/** A value the entry recorded about its object, after the change or else before it. */
function recorded(entry: AuditEntry, key: string): string | null {
  return text(record(entry.newValue)?.[key]) ?? text(record(entry.oldValue)?.[key]);
}

export interface TargetLookups {
  agentName?: (agentId: string) => string | undefined;
}

/** The object an entry is about, with a link to its page in the console. */
export function auditTarget(
  entry: AuditEntry,
  t: Targets,
  lookups: TargetLookups = {},
): AuditTarget {
  const id = entry.resourceId;
  const encoded = pathSegment(id);
  switch (entry.resourceType) {
    case "conversation":
      return { id, label: t.conversation(short(id)), href: `/admin/conversations/${encoded}` };
    case "agent":
      return {
        id,
        label: t.agent(lookups.agentName?.(id) ?? recordedAgentName(entry) ?? id),
        href: `/admin/agents/${encoded}`,
      };
    case "admin_user":
      return {
        id,
        label: t.user(recorded(entry, "name") ?? recorded(entry, "email") ?? short(id)),
        href: "/admin/users",
      };
    case "channel_binding": {
      const agentId = text(entry.metadata.agentId) ?? recorded(entry, "agentId");
      return {
        id,
        label: t.channel(short(id)),
        href: agentId ? `/admin/agents/${pathSegment(agentId)}` : null,
      };
    }
    case "notification_config":
      return {
        id,
        label: t.notification(recorded(entry, "chatId") ?? short(id)),
        href: "/admin/notifications",
      };
    case "pipeline":
      return { id, label: id, href: "/admin/pipeline" };
    case "canned_response":
      return {
        id,
        label: t.cannedResponse(recorded(entry, "shortcut") ?? short(id)),
        href: "/admin/canned-responses",
      };
    case "inbound_event":
      return { id, label: t.event(short(id)), href: null };
    case "channel_setting":
      return { id, label: id, href: "/admin/channel-settings" };
    default:
      return { id, label: short(id), href: null };
  }
}

function recordedAgentName(entry: AuditEntry): string | null {
  for (const side of [entry.newValue, entry.oldValue]) {
    const config = record(record(side)?.config);
    const name = text(record(config?.profile)?.doctor_display_name) ?? text(config?.name);
    if (name) return name;
  }
  return null;
}
