export { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from "./fake-openai";
export type * from "./fake-openai-types";
export { DEFAULT_FLAGGED_TERMS } from "./fake-openai-moderations";
export { fakeEmbedding } from "./fake-openai-embeddings";
export { jsonForSchema } from "./fake-json-for-schema";
export { startFakeSecretsManager, type FakeSecretsManager } from "./fake-secrets-manager";
export {
  defaultTranscript,
  type FakeTranscriber,
  type FakeTranscriptionRequest,
} from "./fake-openai-transcriptions";
