import { resolveDynamoMode, type ServerEnv } from "@agents-crm/config/env";
import { createLlmProviders } from "./create-llm-providers";
import { resolveOpenAIKey } from "./resolve-openai-key";
import type { LlmLogger, LlmProviders } from "./types";

/**
 * The providers a parsed server environment asks for: an OpenAI key or any OPENAI_BASE_URL goes online,
 * nothing configured is the offline model. Secrets Manager is asked only where AWS is configured, so a
 * local start never waits on it.
 */
export async function createLlmProvidersFromEnv(
  env: ServerEnv,
  logger?: LlmLogger,
): Promise<LlmProviders> {
  const awsConfigured =
    resolveDynamoMode(env) === "aws" || env.SECRETS_MANAGER_ENDPOINT_URL !== undefined;
  const apiKey = await resolveOpenAIKey({
    apiKey: env.OPENAI_API_KEY,
    secretName: awsConfigured ? env.SECRETS_MANAGER_OPENAI_KEY_NAME : null,
    secretsRegion: env.SECRETS_MANAGER_REGION ?? env.AWS_REGION,
    secretsEndpoint: env.SECRETS_MANAGER_ENDPOINT_URL,
    logger,
  });
  return createLlmProviders({
    apiKey,
    baseURL: env.OPENAI_BASE_URL,
    defaultChatModel: env.OPENAI_MODEL,
    embeddingModel: env.OPENAI_EMBEDDING_MODEL,
    embeddingDimensions: env.OPENAI_EMBEDDING_DIMENSIONS,
    transcriptionModel: env.TRANSCRIPTION_MODEL,
    timeoutMs: env.OPENAI_TIMEOUT * 1000,
    maxRetries: env.OPENAI_MAX_RETRIES,
    logger,
  });
}
