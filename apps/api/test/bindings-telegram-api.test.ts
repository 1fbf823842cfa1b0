import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  botIdFromToken,
  createTelegramBotApi,
  TelegramApiError,
} from "../src/platforms/telegram-bot-api";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";

let telegram: FakeTelegram;
let odd: Server;
let oddUrl: string;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  // A proxy in the way: an HTML error page, or no answer at all.
  odd = createServer((req, res) => {
    if (req.url?.endsWith("/getMe")) {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad Gateway</html>");
    }
  });
  await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
  oddUrl = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await telegram.close();
  odd.closeAllConnections();
  await new Promise((resolve) => odd.close(resolve));
});

async function errorOf(promise: Promise<unknown>): Promise<TelegramApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TelegramApiError) return error;
    throw error;
  }
  throw new Error("expected a TelegramApiError");
}

describe("Telegram Bot API client", () => {
  it("speaks the wire format: getMe, sendMessage, setWebhook, getWebhookInfo", async () => {
    const api = createTelegramBotApi({ baseUrl: `${telegram.url}/` });
    const bot = telegram.addBot({ username: "wire_bot" });
    expect(await api.getMe(bot.token)).toMatchObject({
      id: bot.id,
      is_bot: true,
      username: "wire_bot",
    });
    const sent = await api.sendMessage(bot.token, { chat_id: 42, text: "hi" });
    expect(sent).toMatchObject({ chat: { id: 42 }, text: "hi" });
    expect(
      await api.setWebhook(bot.token, { url: "https://x.test/hook", secret_token: "s3cret" }),
    ).toBe(true);
    expect(await api.getWebhookInfo(bot.token)).toMatchObject({
      url: "https://x.test/hook",
      pending_update_count: 0,
    });
    expect(telegram.calls.at(-1)).toEqual({ method: "getWebhookInfo", token: bot.token, body: {} });
  });

  it("turns Telegram's error envelope into a typed error without the token", async () => {
    const api = createTelegramBotApi({ baseUrl: telegram.url });
    const bot = telegram.addBot();
    const unauthorized = await errorOf(api.getMe(`${bot.id}:wrong`));
    expect(unauthorized).toMatchObject({
      method: "getMe",
      errorCode: 401,
      description: "Unauthorized",
      isInvalidToken: true,
    });
    expect(unauthorized.message).not.toContain("wrong");
    telegram.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 3",
      retry_after: 3,
    });
    const flood = await errorOf(api.sendMessage(bot.token, { chat_id: 1, text: "x" }));
    expect(flood).toMatchObject({ errorCode: 429, retryAfterSeconds: 3, isInvalidToken: false });
    const malformed = await errorOf(api.getMe("not-a-token"));
    expect(malformed).toMatchObject({ errorCode: 404, isInvalidToken: true });
  });

  it("reports unreadable answers, timeouts and an unreachable host", async () => {
    const api = createTelegramBotApi({ baseUrl: oddUrl, timeoutMs: 200 });
    expect(await errorOf(api.getMe("1:a"))).toMatchObject({
      errorCode: 502,
      description: "unreadable answer (HTTP 502)",
    });
    expect(await errorOf(api.getWebhookInfo("1:a"))).toMatchObject({
      errorCode: null,
      description: "no answer within 200 ms",
    });
    const down = createTelegramBotApi({ baseUrl: "http://127.0.0.1:9" });
    expect(await errorOf(down.getMe("1:a"))).toMatchObject({
      errorCode: null,
      description: "Telegram is unreachable",
    });
  });

  it("reads the bot id from a token", () => {
    expect(botIdFromToken("123456:AAH-x_y")).toBe("123456");
    expect(botIdFromToken("abc:def")).toBeNull();
    expect(botIdFromToken("123456")).toBeNull();
  });
});
