import OpenAI from "openai";
import { nodeHttpFetch } from "./node-http-fetch";
import { retryPolicyFrom, type RetryPolicy } from "./retry";
import type { LlmLogger } from "./types";

export const OPENAI_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_TIMEOUT_MS = 30_000;

/** How to reach OpenAI or any server speaking its API (Ollama, vLLM, LM Studio, OpenRouter). */
export interface OpenAIConnectionOptions {
  apiKey: string;
  /** Base URL including `/v1`; defaults to OpenAI's. */
  baseURL?: string;
  organization?: string;
  /** Default time budget of one call, all retries included (30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt on 429, 5xx and connection errors (2, i.e. 3 attempts). */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  logger?: LlmLogger;
}

export interface OpenAIConnection {
  client: OpenAI;
  baseURL: string;
  timeoutMs: number;
  retry: RetryPolicy;
  logger: LlmLogger;
}

export const consoleLogger: LlmLogger = {
  warn: (message, fields) => console.warn(`[ai] ${message}`, fields ?? ""),
};

export function openAIConnection(options: OpenAIConnectionOptions): OpenAIConnection {
  const baseURL = (options.baseURL ?? OPENAI_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // No SDK timeout: each call's deadline (signal) covers retries and a stream's whole body too.
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL,
    // Explicit nulls stop the SDK from reading OPENAI_* variables itself: config comes from our env.ts.
    organization: options.organization ?? null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    // Ours are the only retries, so attempts are counted and a started stream is never replayed.
    maxRetries: 0,
    // SDK debug logs can contain request bodies (customer messages).
    logLevel: "off",
    fetch: nodeHttpFetch,
  });
  return {
    client,
    baseURL,
    timeoutMs,
    retry: retryPolicyFrom(options),
    logger: options.logger ?? consoleLogger,
  };
}

export function isOpenAIHost(baseURL: string): boolean {
  return hostOf(baseURL) === "api.openai.com";
}

export function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}
