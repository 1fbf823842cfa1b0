import { initialsOf } from "./initials";
import styles from "./chat.module.css";

export function AgentAvatar({ name }: { name: string }) {
  return (
    <span className={styles.avatar} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
