import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./content-security-policy";

const parse = (policy: string) =>
  new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

const base = { nonce: "abc123", frameable: false, dev: false, env: { apiUrl: null, wsUrl: null } };

describe("the pages' Content-Security-Policy", () => {
  it("runs only nonce'd scripts, frames nowhere, and talks to its own origin by default", () => {
    const policy = parse(contentSecurityPolicy(base));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("lets the chat's frame be framed by any site, and next dev evaluate code", () => {
    const policy = parse(contentSecurityPolicy({ ...base, frameable: true, dev: true }));
    expect(policy.get("frame-ancestors")).toEqual(["*"]);
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
  });

  it("allows the separately deployed API over HTTP and WebSocket (NEXT_PUBLIC_API_URL / _WS_URL)", () => {
    const twoDomains = parse(
      contentSecurityPolicy({
        ...base,
        env: { apiUrl: "https://api.clinic.example", wsUrl: null },
      }),
    );
    expect(twoDomains.get("connect-src")).toEqual([
      "'self'",
      "https://api.clinic.example",
      "wss://api.clinic.example",
    ]);
    const ownSocketHost = parse(
      contentSecurityPolicy({
        ...base,
        env: { apiUrl: "http://localhost:8000", wsUrl: "wss://live.clinic.example/base" },
      }),
    );
    expect(ownSocketHost.get("connect-src")).toEqual([
      "'self'",
      "http://localhost:8000",
      "ws://localhost:8000",
      "wss://live.clinic.example",
    ]);
    expect(ownSocketHost.get("img-src")).toContain("http://localhost:8000");
  });
});
