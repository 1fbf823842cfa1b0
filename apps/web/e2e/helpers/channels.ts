import { createHmac } from "node:crypto";
import type { Page } from "playwright-core";
import type { FakeBot } from "../../../api/test/fakes/fake-telegram";
import type { Product } from "./product";
import type { TrpcClient } from "./trpc";

const WAIT = { timeout: 30_000 };

/**
 * Opens `next` signed out, signs in with the admin login `npm start` printed and waits to be back on
 * `next` (the login page keeps where it was sent from).
 */
export async function signIn(page: Page, product: Product, next: string) {
  const login = product.login;
  if (!login) throw new Error("the product printed no admin login");
  await page.goto(`${product.webUrl}${next}`);
  await page.waitForURL(/\/login\?next=/, WAIT);
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(new RegExp(`${next.replace(/[?]/g, "\\?")}$`), WAIT);
}

/** A channel bound to an agent the admin way: created, then verified with the platform. */
export async function bindAndVerify(
  staff: TrpcClient,
  input: Parameters<TrpcClient["bindings"]["create"]["mutate"]>[0],
) {
  const binding = await staff.bindings.create.mutate(input);
  await staff.bindings.verify.mutate({ bindingId: binding.bindingId });
  return binding;
}

/** Telegram posts `update` to the webhook the bot was given, with its secret token. */
export function postToBot(product: Product, bot: FakeBot, update: object): Promise<Response> {
  const hook = new URL(bot.webhook?.url ?? "").pathname;
  return fetch(`${product.apiUrl}${hook}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-telegram-bot-api-secret-token": bot.webhook?.secretToken ?? "",
    },
    body: JSON.stringify(update),
  });
}

/**
 * A Telegram update with a message in `sender`'s private chat with the bot; `fields` are its content
 * (`text`, `voice`…). https://core.telegram.org/bots/api#update
 */
export const privateMessage = (
  update: { updateId: number; messageId?: number },
  sender: { id: number; first_name: string; username?: string },
  fields: Record<string, unknown>,
) => ({
  update_id: update.updateId,
  message: {
    message_id: update.messageId ?? 1,
    from: { ...sender, is_bot: false },
    chat: { ...sender, type: "private" },
    date: Math.floor(Date.now() / 1000),
    ...fields,
  },
});

/** Meta posts `payload` to a webhook at `url`, signed with the app secret (X-Hub-Signature-256). */
export function postSignedByMeta(url: string, appSecret: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    body,
  });
}
