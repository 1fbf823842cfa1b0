import type { ComponentProps } from "react";
import styles from "./notice.module.css";

export type NoticeTone = "info" | "success" | "warning" | "danger";

/**
 * A message about the page or an action: a tinted box (`box`), a strip across the top of a screen
 * (`banner`), or coloured text in a line (`text`). The caller gives the role: "alert" for problems
 * that just appeared, "status" for the rest.
 */
export function Notice({
  tone = "info",
  look = "box",
  className,
  ...props
}: { tone?: NoticeTone; look?: "box" | "banner" | "text" } & ComponentProps<"p">) {
  const classes = [styles.notice, styles[look], styles[tone], className];
  return <p className={classes.filter(Boolean).join(" ")} {...props} />;
}
