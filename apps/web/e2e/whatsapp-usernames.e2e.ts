import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../api/test/fakes/fake-graph";
import { launchBrowser, screenshot } from "./helpers/browser";
import { bindAndVerify, postSignedByMeta, signIn } from "./helpers/channels";
import { startProduct, type Product } from "./helpers/product";
import { staffClient, type TrpcClient } from "./helpers/trpc";

// A WhatsApp username user (Meta's BSUID, no number), their conversation with the offline agent, the
// clinic answering from the WhatsApp Business app (smb_message_echoes), read receipts and a failed
// delivery with Meta's reason — seen by staff in English on a desktop and in Russian on a phone.
// Payload shapes: https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids/,
// .../whatsapp/webhooks/reference/smb_message_echoes, .../webhooks/reference/messages/status

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const WA_NUMBER = "109876543210555";
const WA_TOKEN = "EAAG-e2e-usernames-token";
const WA_SECRET = "e2e-whatsapp-app-secret";
const ADMIN_TOKEN = "e2e-usernames-admin-token-0123456789";
const BSUID = "US.13491208655302741918";
let bindingId = "";

let graph: FakeGraph;
let product: Product;
let browser: Browser;
let staff: TrpcClient;

beforeAll(async () => {
  graph = await startFakeGraph();
  graph.addWhatsAppNumber(WA_NUMBER, WA_TOKEN);
  product = await startProduct({
    WHATSAPP_GRAPH_BASE_URL: graph.url,
    WHATSAPP_APP_SECRET: WA_SECRET,
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: "2000",
  });
  browser = await launchBrowser();
  staff = staffClient(product.webUrl, ADMIN_TOKEN);
  const binding = await bindAndVerify(staff, {
    agentId: AGENT,
    channelType: "whatsapp",
    channelAccountId: WA_NUMBER,
    accessToken: WA_TOKEN,
  });
  bindingId = binding.bindingId;
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await graph?.close();
});

/** A signed WhatsApp delivery of one change (`field`, `value` without metadata). */
async function deliver(field: string, value: Record<string, unknown>) {
  const res = await postSignedByMeta(`${product.webUrl}/api/v1/whatsapp/webhook`, WA_SECRET, {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field,
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: WA_NUMBER },
              ...value,
            },
          },
        ],
      },
    ],
  });
  expect(res.status).toBe(200);
}

const now = () => String(Math.floor(Date.now() / 1000));

let conversationId = "";

describe("WhatsApp username users, app replies and delivery reports in the console", () => {
  it("a username user without a number reaches the inbox under their username and is answered", async () => {
    await deliver("messages", {
      contacts: [{ profile: { name: "Sheena", username: "@realsheenanelson" }, user_id: BSUID }],
      messages: [
        {
          from_user_id: BSUID,
          id: "wamid.e2e.user1",
          timestamp: now(),
          type: "text",
          text: { body: "What are your opening hours?" },
        },
      ],
    });
    await expect.poll(() => graph.sent({ to: BSUID }).length, WAIT).toBe(1);
    expect(graph.sent({ to: BSUID })[0]?.recipientField).toBe("recipient");

    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" })
    ).newPage();
    await signIn(page, product, "/admin/conversations?status=ALL");
    const row = page.getByTestId("conversation-row").filter({ hasText: "Sheena" });
    await row.waitFor(WAIT);
    expect(await row.getByTestId("row-username").textContent()).toContain("@realsheenanelson");
    conversationId = (await row.getAttribute("data-conversation-id")) ?? "";
    await screenshot(page, "whatsapp-username-inbox");

    // The agent's reply is read on the phone: the transcript says so.
    const reply = graph.sent({ to: BSUID })[0];
    await deliver("messages", {
      statuses: [
        { id: reply?.messageId, status: "delivered", timestamp: now(), recipient_user_id: BSUID },
        { id: reply?.messageId, status: "read", timestamp: now(), recipient_user_id: BSUID },
      ],
    });
    await page.goto(`${product.webUrl}/admin/conversations/${conversationId}`);
    await page.getByTestId("message-agent").first().waitFor(WAIT);
    await expect
      .poll(
        () =>
          page.getByTestId("message-agent").first().getByTestId("delivery-status").textContent(),
        WAIT,
      )
      .toBe("Read");
    expect(await page.getByTestId("profile-username").textContent()).toBe("@realsheenanelson");

    // The clinic answers from the WhatsApp Business app: shown as the app's message; a human has it now.
    await deliver("smb_message_echoes", {
      message_echoes: [
        {
          from: "15550783881",
          to_user_id: BSUID,
          id: "wamid.e2e.app1",
          timestamp: now(),
          type: "text",
          text: { body: "Hi Sheena, Dr. Lee here — we are open until 8 pm." },
        },
      ],
    });
    const fromApp = page.locator('[data-author-kind="platform_app"]');
    await fromApp.waitFor(WAIT);
    expect(await fromApp.textContent()).toBe("WhatsApp app");
    await screenshot(page, "whatsapp-app-reply-and-read");
    const details = await staff.conversations.byId.query({ conversationId });
    expect(details.conversation.status).toBe("HUMAN_ACTIVE");
    await page.context().close();
  });

  it("a reply Meta could not deliver shows failed with Meta's reason (phone, Russian, keyboard)", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "ru-RU",
    });
    const page = await context.newPage();
    await signIn(page, product, `/admin/conversations/${conversationId}`);
    await page.getByTestId("admin-reply").focus();
    await page.keyboard.type("Вы сможете прийти завтра в 10?");
    await page.keyboard.press("Enter");
    await expect.poll(() => graph.sent({ to: BSUID }).length, WAIT).toBe(2);
    const staffSend = graph.sent({ to: BSUID })[1];
    await deliver("messages", {
      statuses: [
        {
          id: staffSend?.messageId,
          status: "failed",
          timestamp: now(),
          errors: [
            {
              code: 131047,
              title: "Re-engagement message",
              message: "Re-engagement message",
              error_data: {
                details:
                  "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
              },
            },
          ],
        },
      ],
    });
    const failed = page.locator('[data-testid="delivery-status"][data-delivery="failed"]');
    await failed.waitFor(WAIT);
    const text = (await failed.textContent()) ?? "";
    expect(text).toContain("Не доставлено");
    expect(text).toContain("(131047)");
    expect(await page.locator('[data-author-kind="platform_app"]').first().textContent()).toBe(
      "Приложение WhatsApp",
    );
    await screenshot(page, "whatsapp-failed-reason-phone-ru");

    // A reply the product itself cannot send says why in Russian, not in the API's English.
    await staff.bindings.update.mutate({ bindingId, isActive: false });
    await page.getByTestId("admin-reply").focus();
    await page.keyboard.type("Мы вам перезвоним.");
    await page.keyboard.press("Enter");
    const unsent = page.locator('[data-testid="delivery-status"][data-delivery="failed"]').last();
    await expect
      .poll(() => unsent.textContent(), WAIT)
      .toContain("У агента больше нет активного подключения WhatsApp.");
    expect(await unsent.textContent()).not.toContain("binding");
    // Why it is with a human: the reason the product stored, in Russian too.
    const info =
      (await page.getByRole("region", { name: "Диалог", exact: true }).textContent()) ?? "";
    expect(info).toContain("Ответил сотрудник");
    expect(info).not.toContain("Staff replied");
    await screenshot(page, "delivery-failure-own-reason-phone-ru");

    await page.goto(`${product.webUrl}/admin/conversations?status=ALL`);
    await page.getByTestId("row-username").first().waitFor(WAIT);
    await screenshot(page, "whatsapp-username-inbox-phone-ru");
    await context.close();
  });
});
