import { Badge } from "~/ui/badge";
import styles from "./contacts.module.css";

/** A row's labels, read-only: small chips that wrap. */
export function LabelChips({
  labels,
  testId = "label-chips",
}: {
  labels: readonly string[] | undefined;
  testId?: string;
}) {
  if (!labels || labels.length === 0) return null;
  return (
    <ul className={styles.chips} data-testid={testId}>
      {labels.map((label) => (
        <li key={label}>
          <Badge tone="info" data-testid="label-chip">
            {label}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
