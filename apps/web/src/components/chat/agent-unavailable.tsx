import Link from "next/link";
import styles from "./chat.module.css";

/** An unknown or deactivated agent: said plainly, never an empty chat that cannot answer. */
export function AgentUnavailable({ variant }: { variant: "page" | "embed" }) {
  return (
    <div className={styles.unavailable} data-testid="agent-unavailable" role="alert">
      <h1>This chat is not available</h1>
      <p className="muted">
        The assistant you are looking for does not exist or is not taking conversations right now.
      </p>
      {variant === "page" && <Link href="/">See the available assistants</Link>}
    </div>
  );
}
