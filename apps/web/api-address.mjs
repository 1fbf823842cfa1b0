// Where the web server reaches the API (its proxy of /trpc, /api/v1, /files and /health), read once at
// start. In production a missing address is a start-up error naming the variable and its value: a
// silent default of 127.0.0.1:8000 is right only under `npm start`, where the API is on this machine.

export const RAILWAY_API_INTERNAL_URL =
  "http://${{backend.RAILWAY_PRIVATE_DOMAIN}}:${{backend.PORT}}";

export class InvalidApiAddress extends Error {
  name = "InvalidApiAddress";
}

function parse(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidApiAddress(`${name} "${value}" is not a URL (e.g. http://api:8000)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new InvalidApiAddress(`${name} "${value}" must be an http:// or https:// URL`);
  return url;
}

/**
 * API_INTERNAL_URL; in development the API `npm start` runs beside us; in production without it, the
 * API's public URL (NEXT_PUBLIC_API_URL: two domains, where the browser calls the API itself and the
 * proxy only serves what still reaches this origin), else an error saying what to set.
 */
export function apiAddressFrom(env) {
  if (env.API_INTERNAL_URL) return parse("API_INTERNAL_URL", env.API_INTERNAL_URL);
  if (env.NODE_ENV !== "production") return new URL("http://127.0.0.1:8000");
  if (env.NEXT_PUBLIC_API_URL) return parse("NEXT_PUBLIC_API_URL", env.NEXT_PUBLIC_API_URL);
  throw new InvalidApiAddress(
    "API_INTERNAL_URL is required in production: the API's address as this server reaches it — " +
      `on Railway ${RAILWAY_API_INTERNAL_URL}, with Docker e.g. http://api:8000 ` +
      "(or NEXT_PUBLIC_API_URL, the API's public URL, when the browser calls the API on its own domain)",
  );
}
