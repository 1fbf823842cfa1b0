import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOpenAIKey } from "../src/providers/resolve-openai-key";
import { startFakeSecretsManager, type FakeSecretsManager } from "../src/testing";

describe("resolveOpenAIKey", () => {
  let aws: FakeSecretsManager;
  const warnings: string[] = [];
  const from = (secretName: string, apiKey?: string) =>
    resolveOpenAIKey({
      apiKey,
      secretName,
      secretsRegion: "us-east-1",
      secretsEndpoint: aws.endpoint,
      secretsCredentials: { accessKeyId: "test", secretAccessKey: "test" },
      logger: { warn: (message) => warnings.push(message) },
    });

  beforeAll(async () => {
    aws = await startFakeSecretsManager({
      "doctor-agent/openai-api-key": "sk-plain-123\n",
      "doctor-agent/openai": JSON.stringify({
        OPENAI_API_KEY: "sk-json-456",
        created_at: "2025-01-01",
      }),
      "json/value": JSON.stringify({ value: "sk-value-789" }),
      "json/empty": JSON.stringify({ note: "nothing here" }),
    });
  });
  afterAll(() => aws.close());

  it("prefers the key from the environment and does not call AWS", async () => {
    expect(await from("doctor-agent/openai-api-key", "sk-env")).toBe("sk-env");
    expect(aws.requestedIds).toEqual([]);
  });

  it("reads a plain-string secret", async () => {
    expect(await from("doctor-agent/openai-api-key", "  ")).toBe("sk-plain-123");
    expect(aws.requestedIds).toContain("doctor-agent/openai-api-key");
  });

  it("extracts the key from a JSON secret", async () => {
    expect(await from("doctor-agent/openai")).toBe("sk-json-456");
    expect(await from("json/value")).toBe("sk-value-789");
  });

  it("returns null, with a warning that names no secret value, when there is no usable key", async () => {
    expect(await from("json/empty")).toBeNull();
    expect(await from("missing/secret")).toBeNull();
    expect(warnings).toHaveLength(2);
    expect(warnings.join(" ")).not.toContain("nothing here");
  });

  it("returns null without a key or a secret name", async () => {
    expect(await resolveOpenAIKey({})).toBeNull();
  });
});
