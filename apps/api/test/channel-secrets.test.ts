import { describe, expect, it } from "vitest";
import { WEBHOOK_PATHS } from "@agents-crm/config/webhook-secrets";
import { useTestApi } from "./helpers/test-api";
import {
  bindDirect,
  metaSigned,
  post,
  watchTableReads,
  whatsappBody,
  whatsappTextItem,
} from "./helpers/webhook-kit";

const verifyUrl = (base: string, token: string) =>
  `${base}${WEBHOOK_PATHS.whatsapp}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=c-42`;

describe("channel secrets: the environment wins, else the console's encrypted value", () => {
  const viaConsole = useTestApi({ ENVIRONMENT: "development" });
  const env = useTestApi({ ENVIRONMENT: "development", WHATSAPP_VERIFY_TOKEN: "from-env" });

  it("a verify token set in the console answers Meta's handshake at once, and clearing it refuses again", async () => {
    const { deps, url } = viaConsole();
    expect((await fetch(verifyUrl(url, "from-console"))).status).toBe(403);
    await deps.channelSecrets.set("whatsapp_verify_token", "from-console");
    const res = await fetch(verifyUrl(url, "from-console"));
    expect([res.status, await res.text()]).toEqual([200, "c-42"]);
    await deps.channelSecrets.clear("whatsapp_verify_token");
    expect((await fetch(verifyUrl(url, "from-console"))).status).toBe(403);
  });

  it("an app secret set in the console verifies signed deliveries before any lookup", async () => {
    const { deps, url } = viaConsole();
    await bindDirect(deps, {
      channelType: "whatsapp",
      accountId: "555000777",
      agentId: "cs_agent",
    });
    const body = whatsappBody("555000777", "15551230001", [
      whatsappTextItem("wamid.cs1", "hello", "15551230001"),
    ]);
    const endpoint = `${url}${WEBHOOK_PATHS.whatsapp}`;
    // No secret anywhere: refused as unverifiable (503, so Meta re-delivers once one is set).
    expect((await post(endpoint, body, metaSigned(body, "console-secret"))).status).toBe(503);
    await deps.channelSecrets.set("whatsapp_app_secret", "console-secret");
    expect((await post(endpoint, body, metaSigned(body, "console-secret"))).status).toBe(200);
    expect((await post(endpoint, body, metaSigned(body, "another-secret"))).status).toBe(403);
  });

  it("the environment variable wins over a console value, and status says so without values", async () => {
    const { deps, url } = env();
    await deps.channelSecrets.set("whatsapp_verify_token", "from-console");
    expect((await fetch(verifyUrl(url, "from-console"))).status).toBe(403);
    expect((await fetch(verifyUrl(url, "from-env"))).status).toBe(200);
    const status = await deps.channelSecrets.status();
    expect(status.find((s) => s.name === "whatsapp_verify_token")).toEqual({
      name: "whatsapp_verify_token",
      variable: "WHATSAPP_VERIFY_TOKEN",
      set: true,
      source: "env",
      storedInConsole: true,
    });
    expect(status.find((s) => s.name === "twilio_auth_token")).toMatchObject({
      set: false,
      source: "none",
    });
    expect(JSON.stringify(status)).not.toMatch(/from-env|from-console/);
  });

  it("the stored row is ciphertext, never the value", async () => {
    const { deps } = viaConsole();
    await deps.channelSecrets.set("twilio_auth_token", "plain-auth-token-value");
    const raw = await deps.db.doc.send(
      new (await import("@aws-sdk/lib-dynamodb")).GetCommand({
        TableName: deps.db.tables.secrets,
        Key: { secret_name: "doctor-agent/channel-settings/twilio_auth_token" },
      }),
    );
    expect(raw.Item).toBeDefined();
    expect(JSON.stringify(raw.Item)).not.toContain("plain-auth-token-value");
    expect(await deps.channelSecrets.get("twilio_auth_token")).toBe("plain-auth-token-value");
  });
});

describe("channel secrets cost the database one read per setting per TTL, however many deliveries", () => {
  const api = useTestApi({ ENVIRONMENT: "development" });

  it("a burst of concurrent webhook deliveries shares one read of each setting", async () => {
    const { deps, url } = api();
    const reads = watchTableReads(deps, [deps.db.tables.secrets]);
    await Promise.all(
      Array.from({ length: 20 }, () => fetch(verifyUrl(url, "nobody-knows")).then((r) => r.text())),
    );
    // whatsapp_app_secret and whatsapp_verify_token, once each.
    expect(reads.stats.count).toBe(2);
  });
});
