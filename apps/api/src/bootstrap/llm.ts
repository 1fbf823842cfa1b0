import type { ServerEnv } from "@agents-crm/config/env";
import { resolveDynamoMode } from "@agents-crm/config/env";
import { createLlmProviders, resolveOpenAIKey, type LlmProviders } from "@agents-crm/ai";
import type { Logger } from "../logger";

/**
 * OpenAI (or a compatible server) when a key or base URL is configured, the offline model otherwise.
 * Secrets Manager is asked only where AWS is configured, so a local start never waits on it.
 */
export async function createLlm(env: ServerEnv, log: Logger): Promise<LlmProviders> {
  const awsConfigured =
    resolveDynamoMode(env) === "aws" || env.SECRETS_MANAGER_ENDPOINT_URL !== undefined;
  const apiKey = await resolveOpenAIKey({
    apiKey: env.OPENAI_API_KEY,
    secretName: awsConfigured ? env.SECRETS_MANAGER_OPENAI_KEY_NAME : null,
    secretsRegion: env.SECRETS_MANAGER_REGION ?? env.AWS_REGION,
    secretsEndpoint: env.SECRETS_MANAGER_ENDPOINT_URL,
    logger: { warn: (message, fields) => log.warn(message, fields) },
  });
  return createLlmProviders({
    apiKey,
    baseURL: env.OPENAI_BASE_URL,
    defaultChatModel: env.OPENAI_MODEL,
    embeddingModel: env.OPENAI_EMBEDDING_MODEL,
    embeddingDimensions: env.OPENAI_EMBEDDING_DIMENSIONS,
    timeoutMs: env.OPENAI_TIMEOUT * 1000,
    maxRetries: env.OPENAI_MAX_RETRIES,
    logger: { warn: (message, fields) => log.warn(message, fields) },
  });
}
