import styles from "./chat.module.css";

export function ClosedNote({ onStartNew }: { onStartNew: () => void }) {
  return (
    <div className={styles.closedNote} data-testid="closed-note" role="status">
      <span>This conversation is closed.</span>
      <button type="button" className={styles.primary} onClick={onStartNew} data-testid="start-new">
        Start a new conversation
      </button>
    </div>
  );
}
