/** Request parameters that depend on the model family (reference §3.3 step 4). */
export interface ModelParams {
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
}

const MAX_COMPLETION_TOKENS_MODELS = /^(o\d|gpt-5|gpt-4o-2024-)/;
// Reasoning models reject any temperature but the default (HTTP 400), so it is left out for them.
const FIXED_TEMPERATURE_MODELS = /^(o\d|gpt-5(?!-chat))/;

export function modelParams(
  model: string,
  temperature: number | undefined,
  maxOutputTokens: number | undefined,
): ModelParams {
  const name = model.toLowerCase().replace(/^openai\//, "");
  const params: ModelParams = {};
  if (maxOutputTokens !== undefined) {
    if (MAX_COMPLETION_TOKENS_MODELS.test(name)) params.max_completion_tokens = maxOutputTokens;
    else params.max_tokens = maxOutputTokens;
  }
  if (temperature !== undefined && !FIXED_TEMPERATURE_MODELS.test(name)) {
    params.temperature = temperature;
  }
  return params;
}
