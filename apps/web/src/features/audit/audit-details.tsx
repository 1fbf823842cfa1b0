"use client";

import { fieldChanges, showValue } from "./audit-diff";
import type { AuditEntry } from "./types";
import { useT } from "~/i18n/i18n-provider";
import styles from "./audit.module.css";

/** Long agent documents change in many places; past this the rest is summed up in one line. */
const MAX_ROWS = 40;

export function AuditDetails({ id, entry }: { id: string; entry: AuditEntry }) {
  const t = useT("audit");
  const changes = fieldChanges(entry.oldValue, entry.newValue);
  const extra = Object.entries(entry.metadata);
  return (
    <div id={id} className={styles.details} data-testid="audit-details">
      {changes.length > 0 && (
        <table className={styles.changes}>
          <thead>
            <tr>
              <th scope="col">{t.details.field}</th>
              <th scope="col">{t.details.before}</th>
              <th scope="col">{t.details.after}</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, MAX_ROWS).map((change) => (
              <tr key={change.path || "(value)"}>
                <th scope="row">{change.path || "—"}</th>
                <td>{change.before ?? "—"}</td>
                <td>{change.after ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.length > MAX_ROWS && (
        <p className="muted">{t.details.truncated(changes.length - MAX_ROWS)}</p>
      )}
      {(extra.length > 0 || entry.requestId) && (
        <dl className={styles.meta}>
          {extra.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{showValue(value) ?? "—"}</dd>
            </div>
          ))}
          {entry.requestId && (
            <div>
              <dt>{t.details.requestId}</dt>
              <dd>{entry.requestId}</dd>
            </div>
          )}
        </dl>
      )}
      {changes.length === 0 && extra.length === 0 && !entry.requestId && (
        <p className="muted">{t.details.none}</p>
      )}
    </div>
  );
}
