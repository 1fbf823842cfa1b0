import { ADMIN_ROLES } from "@agents-crm/config/staff";
import type { common } from "~/i18n/common-messages";
import type { StaffRole } from "./types";

export type NavKey = keyof (typeof common)["en"]["nav"];

export interface NavItem {
  href: string;
  /** Its label in `common.nav`, so the sidebar follows the chosen language. */
  key: Exclude<NavKey, "label">;
  /** Who may open it; operators handle conversations only. */
  roles: readonly StaffRole[];
  /** Shows the live needs-human counter next to the label. */
  badge?: "needsHuman";
}

const STAFF: readonly StaffRole[] = ADMIN_ROLES;
const MANAGERS: readonly StaffRole[] = ["owner", "admin"];

/** Every console page that exists, in sidebar order. New pages add their entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/admin/conversations", key: "conversations", roles: STAFF, badge: "needsHuman" },
  { href: "/admin/pipeline", key: "pipeline", roles: STAFF },
  { href: "/admin/contacts", key: "contacts", roles: STAFF },
  { href: "/admin/agents", key: "agents", roles: MANAGERS },
  { href: "/admin/stats", key: "stats", roles: STAFF },
  { href: "/admin/canned-responses", key: "cannedResponses", roles: STAFF },
  { href: "/admin/audit", key: "audit", roles: MANAGERS },
  { href: "/admin/users", key: "users", roles: MANAGERS },
  { href: "/admin/notifications", key: "notifications", roles: MANAGERS },
  { href: "/admin/channel-settings", key: "channelSettings", roles: MANAGERS },
];

export function navItemsFor(role: StaffRole): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

/** May this role open this console path? (Pages not in the sidebar belong to their section.) */
export function mayOpen(role: StaffRole, pathname: string): boolean {
  const section = activeNavHref(pathname, NAV_ITEMS);
  if (!section) return true;
  return NAV_ITEMS.some((item) => item.href === section && item.roles.includes(role));
}

/** The sidebar entry a path belongs to (a conversation's page highlights "Conversations"). */
export function activeNavHref(pathname: string, items: readonly NavItem[]): string | null {
  const match = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return match?.href ?? null;
}
