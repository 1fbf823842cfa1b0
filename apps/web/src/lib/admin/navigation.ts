import type { StaffRole } from "./types";

export interface NavItem {
  href: string;
  label: string;
  /** Who may open it; operators handle conversations only. */
  roles: readonly StaffRole[];
  /** Shows the live needs-human counter next to the label. */
  badge?: "needsHuman";
}

const STAFF: readonly StaffRole[] = ["owner", "admin", "operator"];

/** Every console page that exists, in sidebar order. New pages add their entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/admin/conversations", label: "Conversations", roles: STAFF, badge: "needsHuman" },
];

export function navItemsFor(role: StaffRole): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

/** The sidebar entry a path belongs to (a conversation's page highlights "Conversations"). */
export function activeNavHref(pathname: string, items: readonly NavItem[]): string | null {
  const match = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return match?.href ?? null;
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: "Owner",
  admin: "Admin",
  operator: "Operator",
};
