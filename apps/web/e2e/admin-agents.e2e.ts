import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser";
import { startProduct, type Product } from "./helpers/product";

const WAIT = { timeout: 30_000 };
const NEW_AGENT = "wizard_dental";
const IMPORTED = "imported_clinic";
const CLONE = "imported_clinic_copy";

const PRICES_MD = `# Prices

Teeth whitening costs 900 AED and takes one hour.
A dental check-up costs 250 AED.
`;

const IMPORTED_YAML = `version: "1.0"
agent_id: ${IMPORTED}
project: Imported Clinic
privacy:
  consent_model: implied_by_chat_start
profile:
  doctor_display_name: Dr. Imported
  clinic_display_name: Imported Clinic
  specialty: dermatology
  languages: [en]
llm:
  model: gpt-4o-mini
  temperature: "0.3"
escalation:
  triggers:
    booking_keywords: [book, записаться]
prompts:
  templates:
    ask_phone_for_booking: "Оставьте, пожалуйста, номер телефона — Imported Clinic вам перезвонит."
`;

let product: Product;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  product = await startProduct({ RATE_LIMIT_PER_MINUTE: "2000" });
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

const field = (path: string) => page.getByTestId(`field-${path}`);
const row = (agentId: string) =>
  page.locator(`[data-testid="agent-row"][data-agent-id="${agentId}"]`);

async function next(step: string) {
  await page.getByTestId("wizard-next").click();
  await page.getByTestId(`wizard-step-${step}`).waitFor(WAIT);
}

describe("the agents pages", () => {
  it("signs in and lists the agents", async () => {
    const login = product.login as { email: string; password: string };
    await page.goto(`${product.webUrl}/admin/agents`);
    await page.waitForURL(/\/login\?next=/, WAIT);
    await page.getByTestId("login-email").fill(login.email);
    await page.getByTestId("login-password").fill(login.password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/admin\/agents$/, WAIT);
    await row("demo_clinic").waitFor(WAIT);
    expect(await row("demo_clinic").getAttribute("data-active")).toBe("true");
    // No LLM key in this run: the configured "gpt-4o-mini" is not what answers.
    const model = row("demo_clinic").getByTestId("agent-model");
    await model.waitFor(WAIT);
    expect(await model.textContent()).toBe("Model: offline model");
    await screenshot(page, "admin-agents-list");
  });

  it("creates an agent with the wizard and chats with it", async () => {
    await page.getByTestId("new-agent").click();
    await page.getByTestId("wizard-step-profile").waitFor(WAIT);

    // Saving a blank agent is refused in the browser, with the profile step marked.
    await page.getByTestId("agent-save").click();
    await page.getByTestId("save-blocked").waitFor(WAIT);
    expect(await page.getByTestId("step-profile").getAttribute("data-invalid")).toBe("true");
    await page.getByTestId("error-profile.doctor_display_name").waitFor(WAIT);

    await field("profile.doctor_display_name").fill("Dr. Wizard");
    await field("profile.clinic_display_name").fill("Wizard Dental");
    expect(await field("agent_id").inputValue()).toBe("wizard_dental_dr_wizard");
    await field("agent_id").fill(NEW_AGENT);
    await field("profile.specialty").fill("dentistry");
    expect(await page.getByTestId("step-profile").getAttribute("data-invalid")).toBeNull();
    await screenshot(page, "admin-agent-wizard-profile");

    await next("style");
    await field("style.tone").selectOption("warm");
    await field("prompts.system.goal").fill("Help patients of Wizard Dental book a visit.");
    await screenshot(page, "admin-agent-wizard-style");

    await next("examples");
    await page.getByTestId("add-example").click();
    await field("prompts.examples[0].user_message").fill("Do you treat children?");
    await field("prompts.examples[0].agent_response").fill("Yes, from the age of three.");
    await screenshot(page, "admin-agent-wizard-examples");

    await next("knowledge");
    await page.getByTestId("knowledge-upload").setInputFiles({
      name: "prices.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(PRICES_MD),
    });
    await page.locator('[data-testid="knowledge-upload-status"][data-state="done"]').waitFor(WAIT);
    expect(await field("rag.sources[0].content").inputValue()).toContain("900 AED");
    expect(await field("rag.sources[0].title").inputValue()).toBe("prices");
    await screenshot(page, "admin-agent-wizard-knowledge");

    await next("escalation");
    await field("escalation.triggers.booking_keywords").fill("book\nappointment");
    await field("prompts.templates.ask_phone_for_booking").fill(
      "Please leave your phone number and we will call you.",
    );
    await screenshot(page, "admin-agent-wizard-escalation");

    // An out-of-range value marks the model step once the admin moves on.
    await next("model");
    await page.getByTestId("model-offline-notice").waitFor(WAIT);
    await field("llm.temperature").fill("5");
    await next("review");
    expect(await page.getByTestId("step-model").getAttribute("data-invalid")).toBe("true");
    await page.getByTestId("review-issues").getByText("llm.temperature").waitFor(WAIT);
    await page.getByTestId("step-model").click();
    await page.getByTestId("error-llm.temperature").waitFor(WAIT);
    await screenshot(page, "admin-agent-wizard-model");
    await field("llm.temperature").fill("0.4");
    await next("review");
    await page.getByTestId("review-valid").waitFor(WAIT);
    expect(await page.getByTestId("review-model").textContent()).toBe(
      "offline model (gpt-4o-mini once an LLM is configured)",
    );

    // The raw editor shows the whole draft, says where broken JSON breaks, and round-trips edits.
    await page.getByTestId("raw-format-json").click();
    const raw = page.getByTestId("raw-editor");
    const json = await raw.inputValue();
    expect(JSON.parse(json)).toMatchObject({
      agent_id: NEW_AGENT,
      llm: { temperature: 0.4 },
      prompts: { examples: [{ user_message: "Do you treat children?" }] },
    });
    await raw.fill(json.replace('"agent_id"', "agent_id"));
    await page.getByTestId("raw-apply").click();
    expect(await page.getByTestId("raw-problem").textContent()).toMatch(/Line \d+, column \d+/);
    await raw.fill(json.replace('"specialty": "dentistry"', '"specialty": "family dentistry"'));
    await page.getByTestId("raw-apply").click();
    expect(await page.getByTestId("review-summary").textContent()).toContain("family dentistry");
    expect(await page.getByTestId("raw-format-json").getAttribute("aria-checked")).toBe("true");
    await screenshot(page, "admin-agent-review");

    await page.getByTestId("agent-save").click();
    await page.waitForURL(new RegExp(`/admin/agents/${NEW_AGENT}\\?created=1$`), WAIT);
    await page.getByTestId("agent-created").waitFor(WAIT);
    // The uploaded document was indexed when the agent was saved.
    expect(await page.getByTestId("agent-knowledge").textContent()).toMatch(
      /Knowledge index: [1-9]\d* passages? from 1 document /,
    );
    expect(await field("profile.specialty").inputValue()).toBe("family dentistry");

    await page.goto(`${product.webUrl}/admin/agents`);
    await row(NEW_AGENT).waitFor(WAIT);
    expect(await row(NEW_AGENT).textContent()).toContain("Dr. Wizard");

    const customer = await browser.newContext({ locale: "en-GB" });
    try {
      const chat = await customer.newPage();
      await chat.goto(`${product.webUrl}/chat/${NEW_AGENT}`);
      expect(await chat.getByTestId("chat-header").textContent()).toContain("Dr. Wizard");
      await chat
        .getByTestId("composer-input")
        .fill("How much does teeth whitening cost and how much is a check-up?");
      await chat.getByTestId("composer-input").press("Enter");
      const reply = chat.locator(
        '[data-testid="chat-message"][data-role="agent"][data-state="sent"]',
      );
      await reply.first().waitFor(WAIT);
      const text = (await reply.first().textContent()) ?? "";
      // The offline model answers both questions from the uploaded document, without a robotic prefix.
      expect(text).toContain("Teeth whitening costs 900 AED and takes one hour.");
      expect(text).toContain("A dental check-up costs 250 AED.");
      expect(text).not.toContain("Wizard Dental here");
    } finally {
      await customer.close();
    }
  });

  it("imports a YAML agent, reports inert fields, and overwrites only when asked", async () => {
    await page.getByTestId("import-agent").click();
    await page.getByTestId("import-text").fill(IMPORTED_YAML);
    await page.getByTestId("import-submit").click();
    await page.getByTestId("import-outcome").waitFor(WAIT);
    expect(await page.getByTestId("import-warnings").textContent()).toContain(
      "privacy.consent_model",
    );
    await page.getByTestId("import-close").click();
    await row(IMPORTED).waitFor(WAIT);

    await page.getByTestId("import-agent").click();
    await page.getByTestId("import-file").setInputFiles({
      name: "agent.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(IMPORTED_YAML.replace("dermatology", "cosmetology")),
    });
    await expect.poll(() => page.getByTestId("import-text").inputValue()).toContain("cosmetology");
    await page.getByTestId("import-submit").click();
    await page.getByTestId("import-exists").waitFor(WAIT);
    await page.getByTestId("import-overwrite").click();
    await page
      .getByTestId("import-outcome")
      .getByText(`Replaced the settings of ${IMPORTED}`)
      .waitFor(WAIT);
    await page.getByTestId("import-close").click();
    await expect.poll(() => row(IMPORTED).textContent(), WAIT).toContain("cosmetology");
  });

  it("clones an agent and deactivates the clone, which leaves the public page", async () => {
    await row(IMPORTED).getByTestId("agent-clone").click();
    expect(await page.getByTestId("clone-new-id").inputValue()).toBe(CLONE);
    await page.getByTestId("clone-confirm").click();
    await row(CLONE).waitFor(WAIT);

    await row(CLONE).getByTestId("agent-deactivate").click();
    await page.getByTestId("confirm").click();
    await expect.poll(() => row(CLONE).getAttribute("data-active"), WAIT).toBe("false");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "admin-agents-list-phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    const visitor = await browser.newContext({ locale: "en-GB" });
    try {
      const home = await visitor.newPage();
      await home.goto(product.webUrl);
      await home.locator(`[data-agent-id="${IMPORTED}"]`).waitFor(WAIT);
      expect(await home.locator(`[data-agent-id="${CLONE}"]`).count()).toBe(0);
    } finally {
      await visitor.close();
    }
  });

  it("refuses to overwrite an agent someone else saved in the meantime", async () => {
    const other = await context.newPage();
    try {
      await page.goto(`${product.webUrl}/admin/agents/${IMPORTED}`);
      await other.goto(`${product.webUrl}/admin/agents/${IMPORTED}`);
      for (const [tab, specialty] of [
        [other, "from the other tab"],
        [page, "from this tab"],
      ] as const) {
        await tab.getByTestId("field-profile.specialty").fill(specialty);
      }
      await other.getByTestId("agent-save").click();
      await other.getByTestId("agent-saved").waitFor(WAIT);
      await page.getByTestId("agent-save").click();
      await page.getByTestId("save-conflict").waitFor(WAIT);
      await page.getByTestId("save-conflict").getByRole("button").click();
      await expect
        .poll(() => page.getByTestId("field-profile.specialty").inputValue(), WAIT)
        .toBe("from the other tab");
    } finally {
      await other.close();
    }
  });

  // Regression: an imported agent whose templates were single Russian strings answered English customers in Russian.
  it("hands over in the customer's language in the playground, which names the offline model", async () => {
    await page.goto(`${product.webUrl}/admin/agents/${IMPORTED}?tab=playground`);
    await page.getByTestId("agent-playground").waitFor(WAIT);
    await page.getByTestId("playground-model").waitFor(WAIT);
    expect(await page.getByTestId("playground-model").textContent()).toBe(
      "Answers by: offline model (no LLM configured)",
    );
    const agentReplies = page.getByTestId("playground-agent");
    const send = async (text: string) => {
      const before = await page.getByTestId("playground-decision").count();
      await page.getByTestId("playground-input").fill(text);
      await page.getByTestId("playground-input").press("Enter");
      await expect
        .poll(() => page.getByTestId("playground-decision").count(), WAIT)
        .toBe(before + 1);
      return (await agentReplies.last().textContent()) ?? "";
    };
    const english = await send("I'd like to book a visit");
    expect(english).toContain("I'd be glad to help you book.");
    expect(english).not.toContain("Оставьте");
    await screenshot(page, "admin-playground-template-english");
    const russian = await send("Хочу записаться на приём");
    expect(russian).toContain(
      "Оставьте, пожалуйста, номер телефона — Imported Clinic вам перезвонит.",
    );
    await screenshot(page, "admin-playground-template-language");

    // The same in Russian on a phone: the list and the playground say "офлайн-модель".
    const ru = await browser.newContext({ locale: "ru-RU", viewport: { width: 390, height: 844 } });
    try {
      await ru.addCookies(await context.cookies());
      await ru.addCookies([{ name: "acrm_locale", value: "ru", url: product.webUrl }]);
      const phone = await ru.newPage();
      await phone.goto(`${product.webUrl}/admin/agents`);
      const model = phone
        .locator(`[data-testid="agent-row"][data-agent-id="demo_clinic"]`)
        .getByTestId("agent-model");
      await model.waitFor(WAIT);
      expect(await model.textContent()).toBe("Модель: офлайн-модель");
      await screenshot(phone, "admin-agents-list-ru-phone");
      await phone.goto(`${product.webUrl}/admin/agents/${IMPORTED}?tab=playground`);
      await phone.getByTestId("playground-model").waitFor(WAIT);
      expect(await phone.getByTestId("playground-model").textContent()).toBe(
        "Отвечает: офлайн-модель (LLM не подключена)",
      );
      await screenshot(phone, "admin-playground-ru-phone");
    } finally {
      await ru.close();
    }
  });
});
