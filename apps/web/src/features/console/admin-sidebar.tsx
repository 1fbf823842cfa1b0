"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { activeNavHref, navItemsFor } from "./navigation";
import { countOf } from "~/features/inbox/status-counts";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useSession } from "./session-context";
import { useStatusCounts } from "~/features/inbox/status-counts-provider";
import { Badge } from "~/ui/badge";
import styles from "./admin-shell.module.css";

/** The pages this user's role may open; nothing else is linked. */
export function AdminSidebar() {
  const { user } = useSession();
  const pathname = usePathname();
  const counts = useStatusCounts();
  const t = useT("common");
  const { locale } = useLocale();
  const items = navItemsFor(user.role);
  const active = activeNavHref(pathname, items);
  const needsHuman = countOf(counts, "NEEDS_HUMAN");
  const needsHumanText = formatNumber(locale, needsHuman.value);

  return (
    <nav className={styles.sidebar} aria-label={t.nav.label}>
      <Link href="/admin/conversations" className={styles.brand}>
        Agents CRM
      </Link>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === active ? "page" : undefined}
              className={styles.navLink}
            >
              <span>{t.nav[item.key]}</span>
              {item.badge === "needsHuman" && needsHuman.loaded && needsHuman.value > 0 && (
                <Badge
                  tone="warning"
                  solid
                  className={styles.count}
                  data-testid="nav-needs-human"
                  aria-label={t.console.needsHumanBadge(needsHuman.value, needsHumanText)}
                >
                  {needsHumanText}
                </Badge>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
