import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { applyZodLocale } from "./zod-locale";

const tooBig = () => z.number().max(2).safeParse(3).error?.issues[0]?.message;

describe("zod's messages follow the console's language", () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, "window");
  });

  it("leaves the server's zod alone (it renders both languages at once)", () => {
    applyZodLocale("ru");
    expect(tooBig()).toMatch(/too big/i);
  });

  it("switches zod to Russian and back in the browser", () => {
    Object.assign(globalThis, { window: {} });
    applyZodLocale("ru");
    expect(tooBig()).toMatch(/Слишком/);
    applyZodLocale("en");
    expect(tooBig()).toMatch(/too big/i);
  });
});
