import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childPid, eventually } from "./helpers/processes";
import { startProduct, type Product } from "./helpers/product";

let product: Product;

beforeAll(async () => {
  product = await startProduct();
});

afterAll(async () => {
  await product?.stop();
});

const status = async (url: string) => {
  try {
    return (await fetch(url)).status;
  } catch {
    return 0;
  }
};

/** `npm start` supervises its two processes: one that crashes comes back; the other keeps serving. */
describe("npm start after a process is killed", () => {
  it("restarts the API after kill -9, logs why, and serves again through the web origin", async () => {
    const api = childPid(product.pid, "apps/api/src/main.ts");
    expect(api).not.toBeNull();
    process.kill(api!, "SIGKILL");
    await eventually("a restart line", () =>
      /\[start\] api exited \(SIGKILL\); restarting in [\d.]+ s/.test(product.output()),
    );
    const next = await eventually("a new API process", () => {
      const pid = childPid(product.pid, "apps/api/src/main.ts");
      return pid !== null && pid !== api ? pid : null;
    });
    expect(next).not.toBe(api);
    await eventually(
      "/health through the web",
      async () => (await status(`${product.webUrl}/health`)) === 200,
    );
    const cards = await fetch(`${product.webUrl}/trpc/agents.cards`);
    expect(cards.status).toBe(200);
    expect(await cards.text()).toContain("demo_clinic");
  });

  it("restarts the web server after kill -9 and serves pages again", async () => {
    const web = childPid(product.pid, "server.mjs");
    expect(web).not.toBeNull();
    process.kill(web!, "SIGKILL");
    await eventually("a restart line", () =>
      /\[start\] web exited \(SIGKILL\); restarting in [\d.]+ s/.test(product.output()),
    );
    await eventually("the home page", async () => (await status(`${product.webUrl}/`)) === 200);
    expect(await status(`${product.apiUrl}/health`)).toBe(200);
    expect(childPid(product.pid, "server.mjs")).not.toBe(web);
  });
});
