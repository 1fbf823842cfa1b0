import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLlmProviders, createOpenAITranscriber, LlmError } from "../src";
import { startFakeOpenAI, type FakeOpenAI } from "../src/testing";

let fake: FakeOpenAI;
const OGG = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0, 1, 2, 3, 4]);

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: "sk-test" });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const transcriber = () =>
  createOpenAITranscriber({
    apiKey: "sk-test",
    baseURL: fake.url,
    model: "gpt-4o-mini-transcribe",
    retryBaseDelayMs: 1,
  });

describe("voice note transcription (POST /v1/audio/transcriptions)", () => {
  it("uploads the audio as multipart file + model and reads { text }", async () => {
    fake.setTranscriber((request) => `heard ${request.fileName} (${request.fileType})`);
    const text = await transcriber().transcribe({
      bytes: OGG,
      mimeType: "audio/ogg",
      name: "voice.ogg",
    });
    expect(text).toBe("heard voice.ogg (audio/ogg)");
    const [request] = fake.requests;
    expect(request?.path).toBe("/v1/audio/transcriptions");
    expect(String(request?.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.transcription?.model).toBe("gpt-4o-mini-transcribe");
    expect([...(request?.transcription?.fileBytes ?? [])]).toEqual([...OGG]);
  });

  it("retries a 503 and fails for good on a 400", async () => {
    fake.failNext(1, 503, undefined, {}, "transcriptions");
    await expect(
      transcriber().transcribe({ bytes: OGG, mimeType: "audio/ogg", name: "v.ogg" }),
    ).resolves.toBe(`Voice note of ${OGG.length} bytes`);
    fake.failNext(1, 400, undefined, {}, "transcriptions");
    const error = await transcriber()
      .transcribe({ bytes: OGG, mimeType: "audio/ogg", name: "v.ogg" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).retryable).toBe(false);
  });

  it("the fake answers a JSON body (no multipart) with 400 like OpenAI", async () => {
    const res = await fetch(`${fake.url}/audio/transcriptions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
      body: JSON.stringify({ model: "whisper-1" }),
    });
    expect(res.status).toBe(400);
  });

  it("is configured only by a transcription model, and never offline", () => {
    const online = { apiKey: "sk-test", baseURL: fake.url };
    expect(createLlmProviders(online).transcriber).toBeUndefined();
    expect(
      createLlmProviders({ ...online, transcriptionModel: "whisper-1" }).transcriber?.model,
    ).toBe("whisper-1");
    expect(createLlmProviders({ transcriptionModel: "whisper-1" }).transcriber).toBeUndefined();
  });
});
