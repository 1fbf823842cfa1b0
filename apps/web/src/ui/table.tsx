import type { ComponentProps } from "react";
import styles from "./table.module.css";

/**
 * A data table in a card: a header row, a line between rows, muted inactive rows
 * (`data-active="false"` on a <tr>). On a phone each row becomes a stacked card and the header
 * goes, so give cells content that reads without it.
 */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return <table className={className ? `${styles.table} ${className}` : styles.table} {...props} />;
}
