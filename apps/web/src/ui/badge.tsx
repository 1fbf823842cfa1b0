import type { ComponentProps } from "react";
import styles from "./badge.module.css";

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "info" | "danger";

/** A short state or count in a pill: soft (a tinted background) or solid (it must be seen). */
export function Badge({
  tone = "neutral",
  solid = false,
  wrap = false,
  className,
  ...props
}: { tone?: BadgeTone; solid?: boolean; wrap?: boolean } & ComponentProps<"span">) {
  const classes = [
    styles.badge,
    styles[tone],
    solid && styles.solid,
    wrap && styles.wrap,
    className,
  ];
  return <span className={classes.filter(Boolean).join(" ")} {...props} />;
}
