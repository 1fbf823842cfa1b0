import { fakeTokens } from "./fake-http";
import type { FakeChatRequest } from "./fake-openai-types";

/** OpenAI caches prompts of 1024 tokens or more, and serves hits in steps of 128 tokens. */
export const PROMPT_CACHE_MIN_TOKENS = 1024;
const PROMPT_CACHE_STEP_TOKENS = 128;
/** Prompts remembered per model; older ones fall out, as a real cache evicts. */
const REMEMBERED = 32;

function promptText(request: FakeChatRequest): string {
  return request.messages.map((m) => `${m.role}\n${m.content}\n`).join("");
}

const BLOCK = 256;

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  // Whole blocks first (a native comparison), then characters within the first block that differs.
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * A provider's automatic prompt cache, as OpenAI describes it
 * (https://platform.openai.com/docs/guides/prompt-caching): the longest prefix this prompt shares with
 * an earlier one of the same model is served from cache when it reaches `minTokens`, rounded down to
 * a 128-token step; it is reported as `usage.prompt_tokens_details.cached_tokens`.
 */
export function createFakePromptCache(minTokens = PROMPT_CACHE_MIN_TOKENS) {
  const seen = new Map<string, string[]>();
  return {
    /** Cached tokens of this prompt (at most `promptTokens`), then remembers it. */
    lookup(request: FakeChatRequest, promptTokens: number): number {
      const text = promptText(request);
      const earlier = seen.get(request.model) ?? [];
      let shared = 0;
      for (const prompt of earlier) shared = Math.max(shared, commonPrefixLength(prompt, text));
      earlier.push(text);
      if (earlier.length > REMEMBERED) earlier.shift();
      seen.set(request.model, earlier);
      const tokens = Math.min(promptTokens, shared === 0 ? 0 : fakeTokens(text.slice(0, shared)));
      if (tokens < minTokens) return 0;
      return (
        minTokens +
        Math.floor((tokens - minTokens) / PROMPT_CACHE_STEP_TOKENS) * PROMPT_CACHE_STEP_TOKENS
      );
    },
    clear: () => seen.clear(),
  };
}

export type FakePromptCache = ReturnType<typeof createFakePromptCache>;
