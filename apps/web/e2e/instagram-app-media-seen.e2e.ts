import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraph, type FakeGraph } from "../../api/test/fakes/fake-graph";
import { launchBrowser, screenshot } from "./helpers/browser";
import { bindAndVerify, postSignedByMeta, signIn } from "./helpers/channels";
import { startProduct, type Product } from "./helpers/product";
import { staffClient, type TrpcClient } from "./helpers/trpc";

// An Instagram customer on the offline demo agent asks about a medicine dose: the safety net hands it
// over, and staff on a phone in Russian read why in Russian (inbox row, conversation). The clinic answers
// from the Instagram app with a photo: the console shows the photo on the app's message. The customer
// sees the agent's reply: Instagram reports "seen" (messaging_seen) and never "delivered" (it sends no
// delivery receipts), so the console goes from "Отправлено" to "Просмотрено".
// Payload shapes: https://developers.facebook.com/docs/instagram-platform/webhooks/examples (messages with
// `is_echo` and `attachments[].payload.url`; messaging_seen `read.mid`); webhook fields:
// https://developers.facebook.com/documentation/instagram-platform/webhooks/fields (no delivery field),
// https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events
// (message_deliveries: "Only available for Messenger conversations").

const WAIT = { timeout: 30_000 };
const AGENT = "demo_clinic";
const IG = "17841400000000977";
const IG_TOKEN = "IGAA-e2e-app-media-token";
const IG_SECRET = "e2e-instagram-app-secret";
const ADMIN_TOKEN = "e2e-app-media-admin-token-0123456789";
const CUSTOMER = "8100000000000977";
const PHOTO = readFileSync(
  new URL("../../api/test/fixtures/media/rash-photo.jpg", import.meta.url),
);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let graph: FakeGraph;
let product: Product;
let browser: Browser;
let staff: TrpcClient;

beforeAll(async () => {
  graph = await startFakeGraph();
  graph.addInstagramAccount(IG, IG_TOKEN);
  product = await startProduct({
    INSTAGRAM_GRAPH_BASE_URL: graph.url,
    INSTAGRAM_APP_SECRET: IG_SECRET,
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: "2000",
  });
  browser = await launchBrowser();
  staff = staffClient(product.webUrl, ADMIN_TOKEN);
  await bindAndVerify(staff, {
    agentId: AGENT,
    channelType: "instagram",
    channelAccountId: IG,
    accessToken: IG_TOKEN,
  });
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await graph?.close();
});

/** A signed Instagram delivery of messaging items, as Meta posts it. */
async function deliver(messaging: Record<string, unknown>[]) {
  const res = await postSignedByMeta(`${product.webUrl}/api/v1/instagram/webhook`, IG_SECRET, {
    object: "instagram",
    entry: [{ id: IG, time: Date.now(), messaging }],
  });
  expect(res.status).toBe(200);
}

const fromCustomer = (message: Record<string, unknown>) => ({
  sender: { id: CUSTOMER },
  recipient: { id: IG },
  timestamp: Date.now(),
  ...message,
});

describe("Instagram in the console: safety-net reasons in Russian, app replies with photos, seen", () => {
  it("on a phone in Russian, with the keyboard", async () => {
    await deliver([
      fromCustomer({ message: { mid: "ig.e2e.in1", text: "Можно мне ибупрофен? Сколько пить?" } }),
    ]);
    // The offline agent hands it over and tells the customer so.
    await expect.poll(() => graph.sent({ to: CUSTOMER }).length, WAIT).toBe(1);

    const context = await browser.newContext({ ...PHONE, locale: "ru-RU" });
    const page = await context.newPage();
    await signIn(page, product, "/admin/conversations?status=ALL");
    const row = page.getByTestId("conversation-row").first();
    await row.waitFor(WAIT);
    const summary = row.getByTestId("row-handoff-summary");
    await expect
      .poll(() => summary.textContent(), WAIT)
      .toContain("Проверка безопасности: лекарства и дозировки");
    expect(await summary.textContent()).not.toContain("Safety net");
    await screenshot(page, "instagram-safety-net-reason-inbox-phone-ru");

    // j selects the row, Enter opens it.
    await page.locator("body").press("j");
    await page.locator("body").press("Enter");
    await page.waitForURL(/\/admin\/conversations\/[^/?]+$/, WAIT);
    const reason = page.getByTestId("info-handoff-reason");
    await reason.waitFor(WAIT);
    expect(await reason.textContent()).toContain("Проверка безопасности: лекарства и дозировки");

    // The agent's notice went out: "Отправлено", and never "Доставлено" on Instagram.
    const agent = page.getByTestId("message-agent").first();
    const delivery = agent.getByTestId("delivery-status");
    await expect.poll(() => delivery.textContent(), WAIT).toBe("Отправлено");
    expect(await delivery.getAttribute("title")).toContain("не когда оно доставлено");

    // The clinic answers from the Instagram app with a photo.
    const url = graph.addInstagramCdnFile(PHOTO, { mimeType: "image/jpeg" });
    await deliver([
      {
        sender: { id: IG },
        recipient: { id: CUSTOMER },
        timestamp: Date.now(),
        message: {
          mid: "ig.e2e.app1",
          is_echo: true,
          attachments: [{ type: "image", payload: { url } }],
        },
      },
    ]);
    const fromApp = page
      .getByTestId("message-admin")
      .filter({ has: page.locator('[data-author-kind="platform_app"]') });
    await fromApp.getByTestId("attachment-thumbnail").waitFor(WAIT);
    expect(await fromApp.getByTestId("message-author").textContent()).toBe("Приложение Instagram");

    // The customer opens the chat: Instagram's read receipt names the agent's reply.
    const reply = graph.sent({ to: CUSTOMER })[0];
    await deliver([fromCustomer({ read: { mid: reply?.messageId } })]);
    await expect.poll(() => delivery.textContent(), WAIT).toBe("Просмотрено");
    await fromApp.scrollIntoViewIfNeeded();
    await screenshot(page, "instagram-app-photo-and-seen-phone-ru");

    // The photo opens full size from the keyboard and closes with Escape.
    await fromApp.getByTestId("attachment-thumbnail").focus();
    await page.keyboard.press("Enter");
    const viewer = page.getByRole("dialog");
    await viewer.waitFor(WAIT);
    await screenshot(page, "instagram-app-photo-full-size-phone-ru");
    await page.keyboard.press("Escape");
    await viewer.waitFor({ state: "hidden", ...WAIT });
    await context.close();
  });

  it("in the playground, the reason reads in Russian too", async () => {
    const context = await browser.newContext({ ...PHONE, locale: "ru-RU" });
    const page = await context.newPage();
    await signIn(page, product, `/admin/agents/${AGENT}?tab=playground`);
    await page.getByTestId("agent-playground").waitFor(WAIT);
    await page.getByTestId("playground-input").focus();
    await page.keyboard.type("Можно мне ибупрофен? Сколько пить?");
    await page.keyboard.press("Enter");
    const reason = page.getByTestId("playground-decision").first().getByTestId("decision-reason");
    await reason.waitFor(WAIT);
    expect(await reason.textContent()).toContain("Проверка безопасности: лекарства и дозировки");
    await reason.scrollIntoViewIfNeeded();
    await screenshot(page, "instagram-playground-reason-phone-ru");
    await context.close();
  });
});
