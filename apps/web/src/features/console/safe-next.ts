export const DEFAULT_AFTER_LOGIN = "/admin/conversations";

// A base that can never be ours: whatever resolves against it to another origin is someone else's site.
const PROBE_ORIGIN = "http://same-origin.invalid";

/**
 * Where to go after signing in: only a path on this site (`/admin/...`), never an absolute URL, a
 * protocol-relative `//host`, a backslash trick (`/\host`, which browsers read as `//host`) or the login
 * page itself. Anything else falls back to the conversations inbox.
 */
export function safeNextPath(raw: string | string[] | null | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== "string" || value === "") return DEFAULT_AFTER_LOGIN;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (!value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return DEFAULT_AFTER_LOGIN;
  if (value.startsWith("//")) return DEFAULT_AFTER_LOGIN;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  if (url.origin !== PROBE_ORIGIN) return DEFAULT_AFTER_LOGIN;
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return DEFAULT_AFTER_LOGIN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering where the visitor was going. */
export function loginPath(next: string): string {
  const target = safeNextPath(next);
  return target === DEFAULT_AFTER_LOGIN ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}
