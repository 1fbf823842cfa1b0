/** `useSubscription`'s status: idle (off), connecting ((re)connecting), pending (live), error. */
export type SubscriptionStatus = "idle" | "connecting" | "pending" | "error";

export type ConnectionState = "off" | "connecting" | "live" | "reconnecting" | "offline";

/** The visitor's view of the live connection: "reconnecting" once it has been live before. */
export function connectionState(status: SubscriptionStatus, wasLive: boolean): ConnectionState {
  switch (status) {
    case "idle":
      return "off";
    case "pending":
      return "live";
    case "connecting":
      return wasLive ? "reconnecting" : "connecting";
    case "error":
      return "offline";
  }
}
