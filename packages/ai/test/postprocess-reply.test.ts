import { describe, expect, it } from "vitest";
import { splitForChannel } from "../src/postprocess/split-for-channel";
import { stripMarkdown } from "../src/postprocess/strip-markdown";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("stripMarkdown", () => {
  it("flattens the Markdown a model tends to write", () => {
    const text = [
      "## Our prices",
      "",
      "**Cleaning** costs *350 AED* and ~~400~~ `whitening` __1200__.",
      "",
      "```js",
      "console.log('hidden')",
      "```",
      "> quoted",
      "* first",
      "- second",
      "Book [online](https://clinic.example/book) or at https://clinic.example.",
      "",
      "",
      "",
      "snake_case_name and 5 * 3 = 15",
    ].join("\n");
    expect(stripMarkdown(text)).toBe(
      [
        "Our prices",
        "",
        "Cleaning costs 350 AED and 400 whitening 1200.",
        "",
        "quoted",
        "- first",
        "- second",
        "Book online (https://clinic.example/book) or at https://clinic.example.",
        "",
        "snake_case_name and 5 * 3 = 15",
      ].join("\n"),
    );
  });
});

describe("splitForChannel", () => {
  const cyrillicSentence = "Профессиональная чистка зубов стоит триста пятьдесят дирхамов. ";
  const cyrillic = cyrillicSentence.repeat(30).trim();

  it("splits Instagram replies at 1000 UTF-8 bytes, on sentence boundaries", () => {
    expect(bytes(cyrillic)).toBeGreaterThan(3000);
    const parts = splitForChannel(cyrillic, "instagram");
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(bytes(part)).toBeLessThanOrEqual(1000);
      expect(part.endsWith(".")).toBe(true);
    }
    expect(parts.join(" ")).toBe(cyrillic);
  });

  it("prefers paragraph boundaries", () => {
    const paragraph = "a".repeat(300) + ".";
    const parts = splitForChannel(
      [paragraph, paragraph, paragraph, paragraph].join("\n\n"),
      "instagram",
    );
    expect(parts).toEqual([`${paragraph}\n\n${paragraph}\n\n${paragraph}`, paragraph]);
  });

  it("never cuts a surrogate pair or a grapheme cluster", () => {
    const family = "👨‍👩‍👧‍👦";
    const text = family.repeat(120);
    const parts = splitForChannel(text, "instagram");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(bytes(part)).toBeLessThanOrEqual(1000);
      expect(part.replaceAll(family, "")).toBe("");
    }
    expect(parts.join("")).toBe(text);
  });

  it("splits Telegram and WhatsApp at 4096 characters and leaves the web chat whole", () => {
    const word = "word ";
    const text = word.repeat(2000).trim();
    for (const channel of ["telegram", "whatsapp"] as const) {
      const parts = splitForChannel(text, channel);
      expect(parts).toHaveLength(3);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
      expect(parts.join(" ")).toBe(text);
    }
    expect(splitForChannel(text, "web_chat")).toEqual([text]);
    expect(splitForChannel(cyrillic, "telegram")).toEqual([cyrillic]);
    expect(splitForChannel("   ", "telegram")).toEqual([]);
  });
});
