export type Role = "owner" | "admin" | "operator";

/** Who is calling. Admin actions are attributed to this, never to a client-supplied id. */
export type Principal =
  | { kind: "anonymous" }
  | { kind: "machine"; id: "machine"; name: "API token"; role: "owner" }
  | {
      kind: "user";
      id: string;
      name: string;
      email: string;
      role: Role;
      sessionId: string;
    };

export type Staff = Exclude<Principal, { kind: "anonymous" }>;

/** Owners and admins manage agents, users, channels and settings; operators handle conversations. */
export function canManage(principal: Principal): boolean {
  return (
    principal.kind !== "anonymous" && (principal.role === "owner" || principal.role === "admin")
  );
}
