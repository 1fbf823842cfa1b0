import { describe, expect, it } from "vitest";
import { classifySendError } from "../src/channels/delivery/delivery-errors";
import { windowVerdict } from "../src/channels/delivery/messaging-windows";
import { createTelegramPacer } from "../src/channels/delivery/telegram-pacer";
import { GraphApiError } from "../src/platforms/graph-api-call";
import { TelegramApiError } from "../src/platforms/telegram-bot-api";

const HOUR = 3600_000;
const now = new Date("2026-03-10T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("messaging windows", () => {
  it("Instagram: the bot within 24 h, a person within 7 days with the HUMAN_AGENT tag", () => {
    expect(windowVerdict("instagram", "agent", ago(24 * HOUR), now)).toEqual({
      ok: true,
      humanAgentTag: false,
    });
    expect(windowVerdict("instagram", "agent", ago(24 * HOUR + 1), now).ok).toBe(false);
    expect(windowVerdict("instagram", "staff", ago(24 * HOUR + 1), now)).toEqual({
      ok: true,
      humanAgentTag: true,
    });
    expect(windowVerdict("instagram", "staff", ago(7 * 24 * HOUR), now).ok).toBe(true);
    expect(windowVerdict("instagram", "staff", ago(7 * 24 * HOUR + 1), now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("7 days") as unknown,
    });
  });

  it("WhatsApp: free-form within 24 h for everyone; Telegram and unknown times are not limited", () => {
    expect(windowVerdict("whatsapp", "staff", ago(23 * HOUR), now).ok).toBe(true);
    expect(windowVerdict("whatsapp", "staff", ago(25 * HOUR), now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("template") as unknown,
    });
    expect(windowVerdict("telegram", "agent", ago(30 * 24 * HOUR), now).ok).toBe(true);
    expect(windowVerdict("instagram", "agent", null, now).ok).toBe(true);
  });
});

describe("which send failures are retried", () => {
  it("429 and 5xx and no answer are; other 4xx and closed windows are not", () => {
    const tg = (code: number | null, retryAfter?: number) =>
      classifySendError(new TelegramApiError("sendMessage", code, "x", retryAfter));
    expect(tg(429, 7)).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(tg(502).retryable).toBe(true);
    expect(tg(null).retryable).toBe(true);
    expect(tg(400).retryable).toBe(false);
    expect(tg(403).retryable).toBe(false);

    const graph = (status: number | null, code: number | null, subcode: number | null = null) =>
      classifySendError(new GraphApiError("send", status, code, subcode, "x"));
    expect(graph(500, 2).retryable).toBe(true);
    expect(graph(400, 613).retryable).toBe(true);
    expect(graph(429, null).retryable).toBe(true);
    expect(graph(400, 100).retryable).toBe(false);
    expect(graph(400, 190).retryable).toBe(false);
    expect(graph(400, 10, 2018278)).toMatchObject({ retryable: false });
    expect(graph(400, 131047).reason).toContain("outside the messaging window");
  });
});

describe("Telegram pacing", () => {
  it("sends to one chat at least the interval apart, other chats unaffected", async () => {
    const pacer = createTelegramPacer({ intervalMs: 200 });
    const times: Record<string, number[]> = { a: [], b: [] };
    const send = (chat: "a" | "b") =>
      pacer.send(chat, () => Promise.resolve(times[chat]?.push(performance.now())));
    await Promise.all([send("a"), send("a"), send("b"), send("a"), send("b")]);
    const gaps = (list: number[]) => list.slice(1).map((t, i) => t - (list[i] ?? 0));
    for (const gap of gaps(times.a ?? [])) expect(gap).toBeGreaterThanOrEqual(195);
    expect(times.a).toHaveLength(3);
    expect((times.b?.[0] ?? 0) - (times.a?.[0] ?? 0)).toBeLessThan(100);
  });

  it("a flood wait holds the chat back for that long", async () => {
    const pacer = createTelegramPacer({ intervalMs: 10 });
    pacer.holdOff("c", 300);
    const start = performance.now();
    await pacer.send("c", () => Promise.resolve());
    expect(performance.now() - start).toBeGreaterThanOrEqual(290);
  });
});
