"use client";

import Link from "next/link";
import { useT } from "~/i18n/i18n-provider";
import styles from "./chat.module.css";

/** An unknown or deactivated agent: said plainly, never an empty chat that cannot answer. */
export function AgentUnavailable({ variant }: { variant: "page" | "embed" }) {
  const t = useT("chat").unavailable;
  return (
    <div className={styles.unavailable} data-testid="agent-unavailable" role="alert">
      <h1>{t.title}</h1>
      <p className="muted">{t.body}</p>
      {variant === "page" && <Link href="/">{t.seeAll}</Link>}
    </div>
  );
}
