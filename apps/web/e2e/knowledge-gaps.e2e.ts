import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";
import { staffClient, type TrpcClient } from "./helpers/trpc";

const ADMIN_TOKEN = "e2e-knowledge-gaps-admin-token-0123456789";
const WAIT = { timeout: 30_000 };
const AGENT = "gaps_clinic";
const IMPLANTS = "Do you do dental implants?";

let product: Product;
let browser: Browser;
let staff: TrpcClient;

beforeAll(async () => {
  product = await startProduct({ ADMIN_TOKEN, RATE_LIMIT_PER_MINUTE: "2000" });
  browser = await launchBrowser();
  staff = staffClient(product.apiUrl, ADMIN_TOKEN);
  await staff.agents.create.mutate({
    agentId: AGENT,
    config: {
      agent_id: AGENT,
      profile: {
        doctor_display_name: "Dr. Gap",
        clinic_display_name: "Gap Dental",
        specialty: "dentistry",
        languages: ["en", "ru"],
      },
      moderation: { enabled: false },
      rag: {
        enabled: true,
        // The offline (hashed) embedder scores unrelated short texts up to about 0.22.
        retrieval: { score_threshold: 0.25 },
        sources: [
          {
            id: "parking",
            title: "Parking",
            content: "Parking: patients park free for two hours in the garage on Elm Road.",
          },
        ],
      },
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

/** A customer asks one question on the web chat, in a conversation of their own. */
async function ask(content: string): Promise<string> {
  const { conversationId, token } = await staff.chat.start.mutate({ agentId: AGENT });
  const out = await staff.chat.send.mutate({ conversationId, token, content });
  expect(out.reply?.role).toBe("agent");
  return conversationId;
}

/** Gaps are recorded after the reply, in the background: wait until the list shows `count` groups. */
async function gapsSettle(count: number) {
  for (let i = 0; i < 100; i++) {
    const { items } = await staff.knowledgeGaps.list.query({ agentId: AGENT });
    if (items.length === count) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${count} knowledge gap groups`);
}

async function signIn(page: Page, next: string) {
  const login = product.login as { email: string; password: string };
  await page.goto(`${product.webUrl}${next}`);
  await page.waitForURL(/\/login\?next=/, WAIT);
  await page.getByTestId("login-email").fill(login.email);
  await page.getByTestId("login-password").fill(login.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => url.pathname === next.split("?")[0], WAIT);
}

const gap = (page: Page, question: string) =>
  page.locator('[data-testid="knowledge-gap"]', {
    has: page.getByRole("heading", { name: question }),
  });

describe("knowledge gaps", () => {
  it("groups unanswered questions per agent, with counts and examples", async () => {
    await ask("Where can I park my car?");
    const first = await ask(IMPLANTS);
    await ask("How much do dental implants cost?");
    await ask("Do you offer teeth whitening?");
    const items = await gapsSettle(2);
    expect(items.map((g) => [g.question, g.count])).toEqual([
      [IMPLANTS, 2],
      ["Do you offer teeth whitening?", 1],
    ]);
    expect(items[0]?.examples.map((e) => e.conversationId)).toContain(first);
  });

  it("shows them on the agent's page; Add to knowledge opens the knowledge step, by keyboard", async () => {
    const context = await browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signIn(page, `/admin/agents/${AGENT}?tab=gaps`);
    await page.getByTestId("knowledge-gaps").waitFor(WAIT);
    await gap(page, IMPLANTS).waitFor(WAIT);
    expect(await page.getByTestId("agent-tab-gaps").getAttribute("aria-selected")).toBe("true");
    expect(await gap(page, IMPLANTS).getByTestId("gap-count").textContent()).toBe("asked 2 times");

    // The examples open from the keyboard and link to their conversations.
    await gap(page, IMPLANTS).locator("summary").focus();
    await page.keyboard.press("Enter");
    const links = gap(page, IMPLANTS).getByRole("link", { name: "Open the conversation" });
    await links.first().waitFor(WAIT);
    expect(await links.count()).toBe(2);
    expect(await links.first().getAttribute("href")).toMatch(/^\/admin\/conversations\//);
    await screenshot(page, "knowledge-gaps");

    await gap(page, IMPLANTS).getByTestId("gap-add").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("wizard-step-knowledge").waitFor(WAIT);
    expect(await page.getByTestId("agent-tab-settings").getAttribute("aria-selected")).toBe("true");
    const content = page.getByTestId("field-rag.sources[1].content");
    expect(await content.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId("field-rag.sources[1].title").inputValue()).toBe(IMPLANTS);
    await page.keyboard.type("Yes: titanium dental implants, from 2,500 AED, in two visits.");
    await screenshot(page, "knowledge-gaps-add-to-knowledge");
    await page.getByTestId("agent-save").click();
    await page.getByTestId("agent-saved").waitFor(WAIT);

    // Answered now: the same question leaves no new gap.
    await ask("Do you do dental implants? My friend asked");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await staff.knowledgeGaps.list.query({ agentId: AGENT });
    expect(after.items.find((g) => g.question === IMPLANTS)?.count).toBe(2);

    // Dismiss it from the keyboard: back on the gaps tab (arrow keys move between tabs).
    await page.getByTestId("agent-tab-settings").focus();
    // Settings, Library, Channels, Playground, then Knowledge gaps.
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    expect(await page.getByTestId("agent-tab-gaps").getAttribute("aria-selected")).toBe("true");
    await gap(page, IMPLANTS).getByTestId("gap-dismiss").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("gap-dismissed").waitFor(WAIT);
    await gap(page, IMPLANTS).waitFor({ state: "detached", ...WAIT });
    expect(await page.getByTestId("knowledge-gap").count()).toBe(1);
    await context.close();
  });

  it("reads in Russian on a phone", async () => {
    const context = await browser.newContext({
      locale: "ru-RU",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, `/admin/agents/${AGENT}?tab=gaps`);
    const whitening = gap(page, "Do you offer teeth whitening?");
    await whitening.waitFor(WAIT);
    expect(await page.getByRole("heading", { name: "Пробелы в знаниях" }).count()).toBe(1);
    expect(await whitening.getByTestId("gap-count").textContent()).toBe("спросили 1 раз");
    expect(await whitening.getByTestId("gap-add").textContent()).toBe("Добавить в знания");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "knowledge-gaps-phone-ru");
    await context.close();
  });
});
