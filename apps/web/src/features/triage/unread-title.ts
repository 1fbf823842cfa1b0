/** The unread count as the tab shows it: "100+" when the count stopped at its cap. */
export function unreadLabel(count: number, capped: boolean): string {
  return capped ? `${count}+` : String(count);
}

const COUNT_PREFIX = /^\(\d+\+?\) /;

/** "(3) Inbox — Agents CRM": the page's own title with the unread count in front (none at zero). */
export function titleWithUnread(title: string, count: number, capped: boolean): string {
  const base = title.replace(COUNT_PREFIX, "");
  return count > 0 ? `(${unreadLabel(count, capped)}) ${base}` : base;
}

/** What fits on a 32 px favicon's badge: one or two characters. */
export function faviconBadgeText(count: number, capped: boolean): string | null {
  if (count <= 0) return null;
  return count > 9 || capped ? "9+" : String(count);
}
