"use client";

import { useState } from "react";
import { initialsOf } from "~/features/chat/initials";
import styles from "./customer-avatar.module.css";

/** The customer's picture, or initials when there is none or it no longer loads (signed CDN links expire). */
export function CustomerAvatar({
  url,
  name,
  size,
}: {
  url: string | null;
  name: string;
  size: "small" | "large";
}) {
  const [failed, setFailed] = useState(false);
  const pixels = size === "large" ? 56 : 32;
  if (url && !failed) {
    return (
      // The picture is on Meta's CDN; next/image would need its host configured.
      <img
        className={styles.avatar}
        data-size={size}
        src={url}
        alt=""
        width={pixels}
        height={pixels}
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
        data-testid="profile-picture"
      />
    );
  }
  return (
    <span
      className={styles.avatar}
      data-size={size}
      aria-hidden="true"
      data-testid="profile-initials"
    >
      {initialsOf(name)}
    </span>
  );
}
