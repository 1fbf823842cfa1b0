import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv } from "../src/env";

// Versions and their expiry: https://developers.facebook.com/docs/graph-api/changelog/versions/
// (v21.0 expires 2027-01-21; v26.0, released 2026-07-29, is current).
describe("Graph API version", () => {
  it("defaults both Meta base URLs to the current version, not the expiring v21.0", () => {
    const env = parseServerEnv({});
    expect(env.META_GRAPH_API_VERSION).toBe("v26.0");
    expect(env.INSTAGRAM_GRAPH_BASE_URL).toBe("https://graph.instagram.com/v26.0");
    expect(env.WHATSAPP_GRAPH_BASE_URL).toBe("https://graph.facebook.com/v26.0");
  });

  it("moves both base URLs with one setting", () => {
    const env = parseServerEnv({ META_GRAPH_API_VERSION: "v25.0" });
    expect(env.INSTAGRAM_GRAPH_BASE_URL).toBe("https://graph.instagram.com/v25.0");
    expect(env.WHATSAPP_GRAPH_BASE_URL).toBe("https://graph.facebook.com/v25.0");
  });

  it("keeps a whole-URL override, version and all", () => {
    const env = parseServerEnv({
      META_GRAPH_API_VERSION: "v25.0",
      INSTAGRAM_GRAPH_BASE_URL: "http://127.0.0.1:9/v21.0",
    });
    expect(env.INSTAGRAM_GRAPH_BASE_URL).toBe("http://127.0.0.1:9/v21.0");
    expect(env.WHATSAPP_GRAPH_BASE_URL).toBe("https://graph.facebook.com/v25.0");
  });

  it("refuses a version that is not one, naming the variable", () => {
    expect(() => parseServerEnv({ META_GRAPH_API_VERSION: "21" })).toThrow(EnvError);
    expect(() => parseServerEnv({ META_GRAPH_API_VERSION: "../v21.0" })).toThrow(
      /META_GRAPH_API_VERSION must look like "v26.0"/,
    );
  });
});
