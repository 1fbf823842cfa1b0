import { describe, expect, it } from "vitest";
import { apiUrls } from "./api-urls";

describe("apiUrls", () => {
  it("stays on the page's origin when the web server fronts the API", () => {
    expect(
      apiUrls({ apiUrl: null, wsUrl: null }, { protocol: "https:", host: "crm.example.com" }),
    ).toEqual({
      http: "/trpc",
      ws: "wss://crm.example.com/trpc",
      files: "/files",
    });
    expect(
      apiUrls({ apiUrl: null, wsUrl: null }, { protocol: "http:", host: "localhost:3000" }).ws,
    ).toBe("ws://localhost:3000/trpc");
  });

  it("uses the configured API of a two-service deployment", () => {
    const urls = apiUrls(
      { apiUrl: "https://api.example.com", wsUrl: null },
      { protocol: "https:", host: "crm.example.com" },
    );
    expect(urls).toEqual({
      http: "https://api.example.com/trpc",
      ws: "wss://api.example.com/trpc",
      files: "https://api.example.com/files",
    });
  });

  it("prefers an explicit WebSocket URL", () => {
    const urls = apiUrls(
      { apiUrl: "https://api.example.com", wsUrl: "wss://ws.example.com" },
      { protocol: "https:", host: "crm.example.com" },
    );
    expect(urls.ws).toBe("wss://ws.example.com/trpc");
  });
});
