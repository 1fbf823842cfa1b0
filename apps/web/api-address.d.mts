/** Types for api-address.mjs (plain JavaScript: server.mjs runs without a build step). */
export const RAILWAY_API_INTERNAL_URL: string;
export class InvalidApiAddress extends Error {}
export function apiAddressFrom(env: Record<string, string | undefined>): URL;
