import { loadServerEnv, type ServerEnv } from "@agents-crm/config/env";

/** The API reads its environment here and nowhere else. */
export function readEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  return loadServerEnv(source);
}
