import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../../packages/ai/src/testing";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";
import { staffClient } from "./helpers/trpc";

// A self-hosted vLLM-like server that serves one model and no /moderations, while the product is set to a
// misspelt model: staff see the fix on the agents page (Russian, phone size), not only in the server log.

const WAIT = { timeout: 30_000 };
const ADMIN_TOKEN = "e2e-model-problems-admin-token-0123456789";
let openai: FakeOpenAI;
let product: Product;
let browser: Browser;

beforeAll(async () => {
  openai = await startFakeOpenAI({
    servedModels: ["meta-llama/Llama-3.1-8B-Instruct"],
    modelNotFound: "vllm",
    supportsModerations: false,
  });
  product = await startProduct({
    ADMIN_TOKEN,
    OPENAI_API_KEY: "sk-e2e-selfhosted",
    OPENAI_BASE_URL: openai.url,
    OPENAI_MODEL: "gpt-4o-mni",
    RATE_LIMIT_PER_MINUTE: "2000",
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await openai?.close();
});

describe("model server problems in the console", () => {
  it("a wrong model name is shown with the models the server has (phone, Russian)", async () => {
    const visitor = staffClient(product.webUrl, "");
    const { conversationId, token } = await visitor.chat.start.mutate({ agentId: "demo_clinic" });
    await visitor.chat.send.mutate({ conversationId, token, content: "Hello" }).catch(() => null);
    const staff = staffClient(product.webUrl, ADMIN_TOKEN);
    await expect
      .poll(async () => (await staff.system.modelProblems.query()).map((p) => p.kind), WAIT)
      .toContain("model_not_found");

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      locale: "ru-RU",
    });
    const page = await context.newPage();
    const login = product.login as { email: string; password: string };
    await page.goto(`${product.webUrl}/admin/agents`);
    await page.waitForURL(/\/login\?next=/, WAIT);
    await page.getByTestId("login-email").fill(login.email);
    await page.getByTestId("login-password").fill(login.password);
    await page.getByTestId("login-submit").click();
    const problems = page.getByTestId("model-problems");
    await problems.waitFor(WAIT);
    await screenshot(page, "model-problems-phone-ru");
    const text = (await problems.textContent()) ?? "";
    // The demo agent names its own model, which this server does not have either.
    expect(text).toMatch(/Модель '[^']+' не найдена/);
    expect(text).toContain("одну из: meta-llama/Llama-3.1-8B-Instruct");
    await context.close();
  });
});
