import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv, resolveDynamoMode } from "../src/env";

const production = {
  ENVIRONMENT: "production",
  SECRET_ENCRYPTION_KEY: "k".repeat(44),
  APP_URL: "https://crm.example.com",
  ADMIN_TOKEN: "a".repeat(32),
};

function errorOf(env: Record<string, string>): string {
  try {
    parseServerEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected the environment to be refused");
}

describe("server env", () => {
  it("starts with no variables at all, on the reference's defaults", () => {
    const env = parseServerEnv({});
    expect(env.PORT).toBe(8000);
    expect(env.ENVIRONMENT).toBe("development");
    expect(env.MESSAGE_TTL_HOURS).toBe(48);
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(120);
    expect(env.RATE_LIMIT_STAFF_PER_MINUTE).toBe(600);
    expect(env.OPENAI_MODEL).toBe("gpt-4o-mini");
    expect(env.CORS_ORIGINS).toEqual(["http://localhost:3000"]);
    expect(env.DYNAMODB_TABLE_CONVERSATIONS).toBe("doctor-agent-conversations");
    expect(env.DYNAMODB_TABLE_NOTIFICATION_CONFIGS).toBe("doctor-agent-notification-configs");
    expect(env.SECRETS_MANAGER_OPENAI_KEY_NAME).toBe("doctor-agent/openai-api-key");
    expect(resolveDynamoMode(env)).toBe("embedded");
  });

  it("treats empty strings as unset", () => {
    const env = parseServerEnv({ PORT: "", OPENAI_API_KEY: " ", CORS_ORIGINS: "" });
    expect(env.PORT).toBe(8000);
    expect(env.OPENAI_API_KEY).toBeUndefined();
  });

  it("names the variable and the problem in one line", () => {
    const message = errorOf({ PORT: "eighty", DEBUG: "maybe" });
    expect(message).not.toContain("\n");
    expect(message).toContain('PORT must be a number, got "eighty"');
    expect(message).toContain('DEBUG must be true or false, got "maybe"');
  });

  it("accepts CORS_ORIGINS as a JSON array or a comma list", () => {
    expect(
      parseServerEnv({ CORS_ORIGINS: '["https://a.example.com", "https://b.example.com/"]' })
        .CORS_ORIGINS,
    ).toEqual(["https://a.example.com", "https://b.example.com"]);
    expect(
      parseServerEnv({ CORS_ORIGINS: "https://a.example.com, http://localhost:3000" }).CORS_ORIGINS,
    ).toEqual(["https://a.example.com", "http://localhost:3000"]);
    expect(errorOf({ CORS_ORIGINS: "[not json" })).toContain("CORS_ORIGINS");
    expect(errorOf({ CORS_ORIGINS: "https://a.example.com/path" })).toContain("bare origin");
  });

  it("reads TRUST_PROXY as a hop count or a list of proxy addresses, naming a bad entry", () => {
    expect(parseServerEnv({}).TRUST_PROXY).toEqual({ kind: "none" });
    expect(parseServerEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toEqual({ kind: "none" });
    expect(parseServerEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toEqual({ kind: "hops", hops: 2 });
    expect(
      parseServerEnv({ TRUST_PROXY: "Loopback, 10.0.0.0/8,fd12::/16 ,192.0.2.7" }).TRUST_PROXY,
    ).toEqual({
      kind: "addresses",
      entries: ["loopback", "10.0.0.0/8", "fd12::/16", "192.0.2.7"],
    });
    expect(errorOf({ TRUST_PROXY: "loopback,proxy.internal" })).toContain(
      'TRUST_PROXY "proxy.internal" is not',
    );
    expect(errorOf({ TRUST_PROXY: "10.0.0.0/33" })).toContain('TRUST_PROXY "10.0.0.0/33"');
    expect(errorOf({ TRUST_PROXY: "11" })).toContain("TRUST_PROXY");
  });

  it("refuses * together with credentials", () => {
    expect(errorOf({ CORS_ORIGINS: "*" })).toContain("CORS_ORIGINS");
    expect(
      parseServerEnv({ CORS_ORIGINS: "*", CORS_ALLOW_CREDENTIALS: "false" }).CORS_ORIGINS,
    ).toEqual(["*"]);
  });

  it("refuses production without an encryption key or public URL", () => {
    expect(parseServerEnv(production).ENVIRONMENT).toBe("production");
    const { SECRET_ENCRYPTION_KEY: _key, ...withoutKey } = production;
    expect(errorOf(withoutKey)).toContain("SECRET_ENCRYPTION_KEY is required in production");
    const { APP_URL: _url, ...withoutUrl } = production;
    expect(errorOf(withoutUrl)).toContain("APP_URL is required in production");
  });

  it("refuses unsigned webhooks by default, and refuses allowing them in production", () => {
    expect(parseServerEnv({}).ALLOW_UNSIGNED_WEBHOOKS).toBe(false);
    expect(parseServerEnv({ ALLOW_UNSIGNED_WEBHOOKS: "true" }).ALLOW_UNSIGNED_WEBHOOKS).toBe(true);
    const message = errorOf({ ...production, ALLOW_UNSIGNED_WEBHOOKS: "true" });
    expect(message).toContain("ALLOW_UNSIGNED_WEBHOOKS is development-only");
    expect(message).not.toContain("\n");
    expect(parseServerEnv({ ...production, ALLOW_UNSIGNED_WEBHOOKS: "false" }).ENVIRONMENT).toBe(
      "production",
    );
  });

  it("bootstraps an owner only with both ADMIN_EMAIL and ADMIN_PASSWORD", () => {
    expect(errorOf({ ADMIN_EMAIL: "owner@example.com" })).toContain("ADMIN_PASSWORD");
    expect(errorOf({ ADMIN_TOKEN: "short" })).toContain("ADMIN_TOKEN must be at least 16");
  });

  it("picks the DynamoDB engine from what is configured", () => {
    expect(
      resolveDynamoMode(parseServerEnv({ DYNAMODB_ENDPOINT_URL: "http://localhost:8001" })),
    ).toBe("endpoint");
    expect(
      resolveDynamoMode(parseServerEnv({ AWS_ACCESS_KEY_ID: "AKIA", AWS_SECRET_ACCESS_KEY: "x" })),
    ).toBe("aws");
    expect(
      resolveDynamoMode(parseServerEnv({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/creds" })),
    ).toBe("aws");
    expect(resolveDynamoMode(parseServerEnv({ DYNAMODB_MODE: "embedded", AWS_PROFILE: "x" }))).toBe(
      "embedded",
    );
    expect(errorOf({ DYNAMODB_MODE: "endpoint" })).toContain("DYNAMODB_ENDPOINT_URL is required");
  });

  it("reads custom table names", () => {
    expect(parseServerEnv({ DYNAMODB_TABLE_MESSAGES: "Messages" }).DYNAMODB_TABLE_MESSAGES).toBe(
      "Messages",
    );
    expect(errorOf({ DYNAMODB_TABLE_MESSAGES: "x" })).toContain("DYNAMODB_TABLE_MESSAGES");
  });
});
