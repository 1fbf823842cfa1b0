import { describe, expect, it } from "vitest";
import { resolveLocale } from "./locales";
import { MESSAGES } from "./messages";
import { plural } from "./plural";

type Tree = { [key: string]: unknown };

function shape(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? shape(value as Tree, `${prefix}${key}.`)
      : [`${prefix}${key}:${typeof value}`],
  );
}

describe("translations", () => {
  it("gives Russian every English key, with the same kind of value", () => {
    for (const [namespace, dictionary] of Object.entries(MESSAGES)) {
      expect(shape(dictionary.ru as Tree), namespace).toEqual(shape(dictionary.en as Tree));
    }
  });

  it("has no empty texts", () => {
    for (const dictionary of Object.values(MESSAGES)) {
      for (const locale of ["en", "ru"] as const) {
        for (const entry of shape(dictionary[locale])) expect(entry).not.toMatch(/:undefined$/);
      }
    }
  });
});

describe("language choice", () => {
  it("prefers the saved choice, then the browser's languages, then English", () => {
    expect(resolveLocale("ru", "en-US,en;q=0.9")).toBe("ru");
    expect(resolveLocale(undefined, "de-DE,ru;q=0.8,en;q=0.5")).toBe("ru");
    expect(resolveLocale("xx", "de")).toBe("en");
    expect(resolveLocale(undefined, null)).toBe("en");
  });
});

describe("plural forms", () => {
  const forms = {
    one: "# сообщение",
    few: "# сообщения",
    many: "# сообщений",
    other: "# сообщения",
  };
  it("picks the Russian form by count", () => {
    expect(plural("ru", 1, forms)).toBe("1 сообщение");
    expect(plural("ru", 3, forms)).toBe("3 сообщения");
    expect(plural("ru", 5, forms)).toBe("5 сообщений");
    expect(plural("ru", 21, forms)).toBe("21 сообщение");
    expect(plural("en", 2, { one: "# message", other: "# messages" })).toBe("2 messages");
  });
});
