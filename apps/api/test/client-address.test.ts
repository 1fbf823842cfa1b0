import { parseServerEnv } from "@agents-crm/config/env";
import { describe, expect, it } from "vitest";
import { clientIpOf, isSecure } from "../src/context";

/** What the server knows of a request: the peer that connected and the headers it sent. */
const request = (peer: string, headers: Record<string, string> = {}) => ({
  socket: { remoteAddress: peer },
  headers,
});
const trust = (value: string) => parseServerEnv({ TRUST_PROXY: value }).TRUST_PROXY;

describe("the client's address", () => {
  it("ignores X-Forwarded-For from a peer that is no proxy, even with a hop count set", () => {
    // HOST=0.0.0.0 with TRUST_PROXY=1: a stranger connecting directly must not pick its own address.
    const direct = request("203.0.113.9", { "x-forwarded-for": "1.2.3.4" });
    expect(clientIpOf(direct, trust("1"))).toBe("203.0.113.9");
    expect(
      clientIpOf(request("::ffff:203.0.113.9", { "x-forwarded-for": "1.2.3.4" }), trust("1")),
    ).toBe("::ffff:203.0.113.9");
  });

  it("counts hops from a proxy on loopback or a private network", () => {
    const chain = { "x-forwarded-for": "9.9.9.9, 5.5.5.5, 6.6.6.6" };
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "10.0.0.7", "172.18.0.3"]) {
      expect(clientIpOf(request(peer, chain), trust("1")), peer).toBe("6.6.6.6");
    }
    for (const peer of ["192.168.1.20", "100.64.3.4", "fd12:3456::1", "fe80::1"]) {
      expect(clientIpOf(request(peer, chain), trust("2")), peer).toBe("5.5.5.5");
    }
    expect(clientIpOf(request("10.0.0.7", chain), trust("0"))).toBe("10.0.0.7");
    expect(clientIpOf(request("10.0.0.7"), trust("1"))).toBe("10.0.0.7");
  });

  it("with a list, walks back through the listed proxies to the first address that is not one", () => {
    const spoofed = { "x-forwarded-for": "1.1.1.1, 203.0.113.5" };
    expect(clientIpOf(request("127.0.0.1", spoofed), trust("loopback"))).toBe("203.0.113.5");
    // A private-network neighbour is not the configured proxy: its header is not believed.
    expect(clientIpOf(request("10.0.0.5", spoofed), trust("loopback"))).toBe("10.0.0.5");
    const twoProxies = { "x-forwarded-for": "1.1.1.1, 203.0.113.5, 10.1.2.3" };
    expect(clientIpOf(request("::1", twoProxies), trust("loopback,10.0.0.0/8"))).toBe(
      "203.0.113.5",
    );
    expect(clientIpOf(request("10.1.2.4", twoProxies), trust("10.1.2.3,10.1.2.4"))).toBe(
      "203.0.113.5",
    );
    expect(clientIpOf(request("fd12::9", twoProxies), trust("private"))).toBe("203.0.113.5");
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const https = { "x-forwarded-proto": "https" };
    expect(isSecure(request("127.0.0.1", https), trust("loopback"))).toBe(true);
    expect(isSecure(request("127.0.0.1", https), trust("1"))).toBe(true);
    expect(isSecure(request("203.0.113.9", https), trust("1"))).toBe(false);
    expect(isSecure(request("127.0.0.1", https), trust("0"))).toBe(false);
  });
});
