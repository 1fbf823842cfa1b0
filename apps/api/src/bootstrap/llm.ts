import type { ServerEnv } from "@agents-crm/config/env";
import { createLlmProvidersFromEnv, type LlmProviders } from "@agents-crm/ai";
import type { Logger } from "../logger";

/** OpenAI (or a compatible server) when a key or base URL is configured, the offline model otherwise. */
export async function createLlm(env: ServerEnv, log: Logger): Promise<LlmProviders> {
  return createLlmProvidersFromEnv(env, { warn: (message, fields) => log.warn(message, fields) });
}
