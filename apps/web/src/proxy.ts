import { SESSION_COOKIE } from "@agents-crm/config/staff";
import { NextResponse, type NextRequest } from "next/server";
import { isDevServer, publicEnv } from "./env";
import { LOCALE_COOKIE, isLocale } from "./i18n/locales";
import { contentSecurityPolicy } from "./security/content-security-policy";

/**
 * The widget's frame (`/embed/<agent>?lang=ru`, from the script's `data-lang`) speaks the language the
 * business chose, over the visitor's saved choice: the request is handed on as if the choice were
 * saved, so the server renders it from the first paint (`<html lang>` included). Nothing is stored.
 */
function embedInLanguage(request: NextRequest, headers: Headers) {
  const lang = request.nextUrl.searchParams.get("lang");
  if (!isLocale(lang)) return NextResponse.next({ request: { headers } });
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
function consoleSignIn(request: NextRequest, headers: Headers) {
  if (request.cookies.has(SESSION_COOKIE) || publicEnv().apiUrl) {
    return NextResponse.next({ request: { headers } });
  }
  const { pathname, search } = request.nextUrl;
  const login = request.nextUrl.clone();
  login.pathname = "/login";
  login.search = `?next=${encodeURIComponent(`${pathname}${search}`)}`;
  return NextResponse.redirect(login);
}

/**
 * Every page gets its Content-Security-Policy with a fresh nonce: Next reads the nonce from the
 * request's copy of the header and puts it on its scripts (pages render per request, so it can).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const embed = pathname.startsWith("/embed/");
  const policy = contentSecurityPolicy({
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64"),
    frameable: embed,
    env: publicEnv(),
    dev: isDevServer,
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = embed
    ? embedInLanguage(request, headers)
    : pathname === "/admin" || pathname.startsWith("/admin/")
      ? consoleSignIn(request, headers)
      : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  // For browsers older than frame-ancestors.
  if (!embed) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

// Pages only: static files carry no policy of their own (server.mjs gives them nosniff), and the API
// paths never reach Next.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|widget\\.js).*)"],
};
