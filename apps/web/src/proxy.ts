import { NextResponse, type NextRequest } from "next/server";
import { publicEnv } from "./env";

/** The API's session cookie (apps/api auth/session-cookie.ts). */
const SESSION_COOKIE = "acrm_session";

/**
 * Anonymous visitors of the console go to sign-in and come back afterwards. Only the cookie's presence
 * is checked here; whether its session is still valid is the console's `auth.me` (and every API call's)
 * business. A two-service deployment keeps the cookie on the API's host, out of this server's sight:
 * there the console's own check does the redirect.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE) || publicEnv().apiUrl) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = request.nextUrl.clone();
  login.pathname = "/login";
  login.search = `?next=${encodeURIComponent(`${pathname}${search}`)}`;
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
