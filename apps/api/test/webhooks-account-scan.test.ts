import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseInstagram } from "../src/channels/webhooks/instagram-events";
import { scanInstagram, scanWhatsApp } from "../src/channels/webhooks/meta-account-scan";
import { parseWhatsApp } from "../src/channels/webhooks/whatsapp-events";
import { fixture, whatsappAccounts } from "./helpers/webhook-kit";

const at = new Date("2025-06-08T21:00:00.000Z");
const fixtures = readdirSync(new URL("./fixtures/webhooks/", import.meta.url));
const meta = [
  ...fixtures
    .filter((name) => name.startsWith("instagram-"))
    .map((name) => [name, scanInstagram, parseInstagram] as const),
  ...fixtures
    .filter((name) => name.startsWith("whatsapp-"))
    .map((name) => [name, scanWhatsApp, parseWhatsApp] as const),
];

// The scan decides which bindings are looked up before the events are parsed: an account it missed
// would have its events dropped as unrouted.
describe("the account scan that runs before Meta payloads are parsed", () => {
  it.each(meta)("%s: names every account the parser yields events for", (name, scan, parse) => {
    const payload: unknown = JSON.parse(fixture(name));
    const { accounts, items } = scan(payload);
    const parsed = parse(payload, at);
    for (const event of parsed.events) expect(accounts).toContain(event.accountId);
    expect(items).toBeGreaterThanOrEqual(parsed.events.length);
    expect(items).toBeGreaterThan(0);
  });

  it("counts the distinct accounts of a flood, and none of another platform's payload", () => {
    expect(scanWhatsApp(JSON.parse(whatsappAccounts(2_000))).accounts).toHaveLength(2_000);
    expect(scanInstagram(JSON.parse(whatsappAccounts(5))).accounts).toEqual([]);
    expect(scanWhatsApp({ object: "whatsapp_business_account", entry: "x" }).accounts).toEqual([]);
    expect(scanWhatsApp(null)).toEqual({ accounts: [], items: 1 });
  });
});
