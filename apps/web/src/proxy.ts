import { NextResponse, type NextRequest } from "next/server";
import { publicEnv } from "./env";
import { LOCALE_COOKIE, isLocale } from "./lib/i18n/locales";

/** The API's session cookie (apps/api auth/session-cookie.ts). */
const SESSION_COOKIE = "acrm_session";

/**
 * The widget's frame (`/embed/<agent>?lang=ru`, from the script's `data-lang`) speaks the language the
 * business chose, over the visitor's saved choice: the request is handed on as if the choice were
 * saved, so the server renders it from the first paint (`<html lang>` included). Nothing is stored.
 */
function embedInLanguage(request: NextRequest) {
  const lang = request.nextUrl.searchParams.get("lang");
  if (!isLocale(lang)) return NextResponse.next();
  const headers = new Headers(request.headers);
  const others = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !part.startsWith(`${LOCALE_COOKIE}=`));
  headers.set("cookie", [...others, `${LOCALE_COOKIE}=${lang}`].join("; "));
  return NextResponse.next({ request: { headers } });
}

/**
 * Anonymous visitors of the console go to sign-in and come back afterwards. Only the cookie's presence
 * is checked here; whether its session is still valid is the console's `auth.me` (and every API call's)
 * business. A two-service deployment keeps the cookie on the API's host, out of this server's sight:
 * there the console's own check does the redirect.
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/embed/")) return embedInLanguage(request);
  if (request.cookies.has(SESSION_COOKIE) || publicEnv().apiUrl) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = request.nextUrl.clone();
  login.pathname = "/login";
  login.search = `?next=${encodeURIComponent(`${pathname}${search}`)}`;
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin", "/admin/:path*", "/embed/:path*"] };
