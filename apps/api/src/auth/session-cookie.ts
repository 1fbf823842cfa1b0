import { SESSION_COOKIE } from "@agents-crm/config/staff";

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** HTTP-only, SameSite=Lax, Secure whenever the request came over HTTPS (directly or via a proxy). */
export function sessionCookie(token: string, options: { maxAgeSeconds: number; secure: boolean }) {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Secure whenever the request came over HTTPS, and always in production (a proxy may hide the scheme). */
export function cookieShouldBeSecure(requestSecure: boolean, environment: string): boolean {
  return requestSecure || environment === "production";
}

export function clearedSessionCookie(options: { secure: boolean }) {
  return sessionCookie("", { maxAgeSeconds: 0, secure: options.secure });
}
