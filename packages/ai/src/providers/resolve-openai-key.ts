import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { consoleLogger } from "./openai-connection";
import type { LlmLogger } from "./types";

export interface ResolveOpenAIKeyOptions {
  /** The key from the environment (OPENAI_API_KEY); wins when non-empty. */
  apiKey?: string | null;
  /** Secrets Manager secret holding the key (SECRETS_MANAGER_OPENAI_KEY_NAME); skipped when absent. */
  secretName?: string | null;
  secretsRegion?: string;
  /** A Secrets Manager-compatible endpoint (tests, LocalStack). */
  secretsEndpoint?: string;
  /** Explicit AWS credentials; otherwise the SDK's default chain (env, profile, task role). */
  secretsCredentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Give up on Secrets Manager after this long (default 5 s) so a missing AWS setup cannot stall start-up. */
  secretsTimeoutMs?: number;
  logger?: LlmLogger;
}

/** JSON secrets hold the key under one of these names (reference §2.3). */
const KEY_FIELDS = [
  "api_key",
  "OPENAI_API_KEY",
  "openai_api_key",
  "value",
  "access_token",
] as const;

/**
 * The OpenAI API key, or null when there is none (the caller then goes offline). Failures to read the
 * secret are logged (without the secret) and also yield null.
 */
export async function resolveOpenAIKey(options: ResolveOpenAIKeyOptions): Promise<string | null> {
  const fromEnv = options.apiKey?.trim();
  if (fromEnv) return fromEnv;
  const secretName = options.secretName?.trim();
  if (!secretName) return null;
  const logger = options.logger ?? consoleLogger;
  const client = new SecretsManagerClient({
    ...(options.secretsRegion ? { region: options.secretsRegion } : {}),
    ...(options.secretsEndpoint ? { endpoint: options.secretsEndpoint } : {}),
    ...(options.secretsCredentials ? { credentials: options.secretsCredentials } : {}),
    maxAttempts: 2,
  });
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // Raced as well as aborted: the abort signal does not cover the credential chain (IMDS probes).
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new DOMException("Secrets Manager did not answer in time", "TimeoutError"));
    }, options.secretsTimeoutMs ?? 5_000);
  });
  try {
    const response = await Promise.race([
      client.send(new GetSecretValueCommand({ SecretId: secretName }), {
        abortSignal: abort.signal,
      }),
      timeout,
    ]);
    const key = keyFromSecret(response.SecretString);
    if (!key) logger.warn("OpenAI key secret holds no usable key", { secretName });
    return key;
  } catch (error) {
    logger.warn("could not read the OpenAI key from Secrets Manager", {
      secretName,
      error: error instanceof Error ? error.name : "unknown",
    });
    return null;
  } finally {
    clearTimeout(timer);
    client.destroy();
  }
}

export function keyFromSecret(secret: string | undefined): string | null {
  const value = secret?.trim();
  if (!value) return null;
  if (!value.startsWith("{")) return value;
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    for (const field of KEY_FIELDS) {
      const candidate = parsed[field];
      if (typeof candidate === "string" && candidate.trim() !== "") return candidate.trim();
    }
    return null;
  } catch {
    return null;
  }
}
