"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { showFaviconBadge } from "./favicon-badge";
import { titleWithUnread } from "./unread-title";
import { useUnreadCounts } from "./use-unread-counts";

/**
 * On every console page: the caller's unread total in the tab title ("(3) …") and as a badge on the
 * favicon, so a tab in the background still says something is waiting. Renders nothing.
 */
export function UnreadIndicator() {
  const counts = useUnreadCounts({});
  const pathname = usePathname();
  const total = counts?.total ?? 0;
  const capped = counts?.capped ?? false;

  useEffect(() => {
    showFaviconBadge(total, capped);
  }, [total, capped]);

  useEffect(() => {
    const apply = () => {
      const next = titleWithUnread(document.title, total, capped);
      if (next !== document.title) document.title = next;
    };
    apply();
    // Navigations set the page's own title again: put the count back in front of it.
    const title = document.querySelector("title");
    const observer = new MutationObserver(apply);
    if (title) observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      document.title = titleWithUnread(document.title, 0, false);
    };
  }, [total, capped, pathname]);

  return null;
}
