import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { startProduct, type Product } from "./product";

export interface ProductAndBrowser {
  product: Product;
  browser: Browser;
}

/**
 * The product (as `npm start` runs it, with `extraEnv`) and a browser, started before the tests of the
 * calling file or `describe` and stopped after them. The fields are set once the `beforeAll` has run.
 */
export function productAndBrowserForSuite(
  extraEnv: Record<string, string> = {},
): ProductAndBrowser {
  const running = {} as ProductAndBrowser;
  beforeAll(async () => {
    running.product = await startProduct(extraEnv);
    running.browser = await launchBrowser();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.product?.stop();
  });
  return running;
}
