import { BlockList, isIP } from "node:net";
import type { TrustProxy } from "@agents-crm/config/env";

/** What is known of a request before anything is read: the peer that connected and its headers. */
export interface RequestOrigin {
  socket: { remoteAddress?: string | undefined };
  headers: Record<string, string | string[] | undefined>;
}

const PRESETS: Record<string, [string, number, "ipv4" | "ipv6"][]> = {
  loopback: [
    ["127.0.0.0", 8, "ipv4"],
    ["::1", 128, "ipv6"],
  ],
  // RFC 1918, shared address space (platform networks), link-local, IPv6 unique-local and link-local.
  private: [
    ["10.0.0.0", 8, "ipv4"],
    ["172.16.0.0", 12, "ipv4"],
    ["192.168.0.0", 16, "ipv4"],
    ["100.64.0.0", 10, "ipv4"],
    ["169.254.0.0", 16, "ipv4"],
    ["fc00::", 7, "ipv6"],
    ["fe80::", 10, "ipv6"],
  ],
};

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is checked as `10.0.0.1`. */
const unmapped = (address: string) =>
  address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4
    ? address.slice(7)
    : address;

function blockListOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const preset = PRESETS[entry];
    if (preset) {
      for (const [network, prefix, family] of preset) list.addSubnet(network, prefix, family);
      continue;
    }
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

const nearby = blockListOf(["loopback", "private"]);
const configured = new WeakMap<TrustProxy, BlockList>();

function listed(list: BlockList, address: string): boolean {
  const plain = unmapped(address);
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 4 ? "ipv4" : "ipv6");
}

/** Whether the peer that connected is a proxy whose forwarding headers we believe. */
export function peerIsTrustedProxy(origin: RequestOrigin, trust: TrustProxy): boolean {
  const peer = origin.socket.remoteAddress ?? "";
  switch (trust.kind) {
    case "none":
      return false;
    case "hops":
      return listed(nearby, peer);
    case "addresses": {
      let list = configured.get(trust);
      if (!list) configured.set(trust, (list = blockListOf(trust.entries)));
      return listed(list, peer);
    }
  }
}

function forwardedChain(origin: RequestOrigin): string[] {
  const header = origin.headers["x-forwarded-for"];
  return (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The client's address: the peer itself unless it is a trusted proxy. Behind `hops` proxies it is that
 * many entries from the right of X-Forwarded-For (each proxy appends the address it saw); with a list
 * it is the first address, walking back from the peer, that is not a listed proxy.
 */
export function clientAddressOf(origin: RequestOrigin, trust: TrustProxy): string {
  const direct = origin.socket.remoteAddress ?? "unknown";
  if (!peerIsTrustedProxy(origin, trust)) return direct;
  const chain = forwardedChain(origin);
  if (trust.kind === "hops") return chain[chain.length - trust.hops] ?? chain[0] ?? direct;
  let client = direct;
  while (
    chain.length > 0 &&
    peerIsTrustedProxy({ socket: { remoteAddress: client }, headers: {} }, trust)
  ) {
    client = chain.pop() ?? client;
  }
  return client;
}
