"use client";

import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { Dialog } from "~/ui/dialog";
import { SHORTCUTS } from "./shortcut-keys";
import styles from "./shortcuts.module.css";

/** `?`: every shortcut with its key. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT("shortcuts");
  const common = useT("common");
  return (
    <Dialog open={open} title={t.title} onClose={onClose} testId="shortcuts-dialog">
      <p className="muted">{t.intro}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t.keyColumn}</th>
            <th scope="col">{t.actionColumn}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action} data-testid={`shortcut-${s.action}`}>
              <td>
                <kbd className={styles.key}>{s.key}</kbd>
              </td>
              <td>{t.actions[s.action]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.buttons}>
        <Button variant="primary" onClick={onClose} autoFocus data-testid="shortcuts-close">
          {common.actions.close}
        </Button>
      </div>
    </Dialog>
  );
}
