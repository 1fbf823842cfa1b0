"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef } from "react";
import { activeNavHref, navItemsFor } from "./navigation";
import { countOf } from "~/features/inbox/status-counts";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useSession } from "./session-context";
import { useStatusCounts } from "~/features/inbox/status-counts-provider";
import { Badge } from "~/ui/badge";
import { useNavMenu } from "./use-nav-menu";
import styles from "./admin-shell.module.css";

/**
 * The pages this user's role may open; nothing else is linked. A sidebar on wide screens; on a phone a
 * top bar whose Menu button opens the sections as a list (the labels, Russian ones too, never fit a row).
 */
export function AdminSidebar() {
  const { user } = useSession();
  const pathname = usePathname();
  const counts = useStatusCounts();
  const t = useT("common");
  const { locale } = useLocale();
  const listId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useNavMenu(pathname, menuButton);
  const items = navItemsFor(user.role);
  const active = activeNavHref(pathname, items);
  const needsHuman = countOf(counts, "NEEDS_HUMAN");
  const needsHumanText = formatNumber(locale, needsHuman.value);
  const needsHumanBadge = (testId: string) =>
    needsHuman.loaded &&
    needsHuman.value > 0 && (
      <Badge
        tone="warning"
        solid
        className={styles.count}
        data-testid={testId}
        aria-label={t.console.needsHumanBadge(needsHuman.value, needsHumanText)}
      >
        {needsHumanText}
      </Badge>
    );

  return (
    <nav
      className={styles.sidebar}
      aria-label={t.nav.label}
      data-open={menu.open || undefined}
      onBlur={menu.onBlur}
      data-testid="admin-nav"
    >
      <div className={styles.sidebarTop}>
        <Link href="/admin/conversations" className={styles.brand}>
          Agents CRM
        </Link>
        <button
          ref={menuButton}
          type="button"
          className={styles.menuButton}
          aria-expanded={menu.open}
          aria-controls={listId}
          onClick={menu.toggle}
          data-testid="nav-menu-button"
        >
          <span aria-hidden="true" className={styles.menuIcon} />
          <span>{t.console.menu}</span>
          {!menu.open && needsHumanBadge("nav-menu-needs-human")}
        </button>
      </div>
      <ul id={listId} className={styles.navList}>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === active ? "page" : undefined}
              className={styles.navLink}
              onClick={menu.onLinkClick}
            >
              <span>{t.nav[item.key]}</span>
              {item.badge === "needsHuman" && needsHumanBadge("nav-needs-human")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
