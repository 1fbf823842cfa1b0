import { describe, expect, it } from "vitest";
import { MESSAGES } from "~/i18n/messages";
import { refusalOf } from "./check-file";

const en = MESSAGES.outboundAttachments.en;
const ru = MESSAGES.outboundAttachments.ru;
const file = (name: string, type: string, size: number) =>
  new File([new Uint8Array(size)], name, { type });
const MB = 1024 * 1024;

describe("refusalOf: what the composer refuses before uploading", () => {
  it("lets through what the channel takes", () => {
    expect(refusalOf(file("a.png", "image/png", 1000), "whatsapp", en)).toBeNull();
    expect(refusalOf(file("a.pdf", "application/pdf", 1000), "web_chat", en)).toBeNull();
  });

  it("names the platform's limit for a file too large for that channel", () => {
    expect(refusalOf(file("scan.jpg", "image/jpeg", 6 * MB), "whatsapp", en)).toBe(
      "scan.jpg is too large for WhatsApp: files of this kind go up to 5 MB.",
    );
    expect(refusalOf(file("scan.jpg", "image/jpeg", 9 * MB), "instagram", ru)).toBe(
      "scan.jpg слишком большой для Instagram: файлы такого вида — до 8 MB.",
    );
    expect(refusalOf(file("scan.jpg", "image/jpeg", 9 * MB), "telegram", en)).toBeNull();
  });

  it("refuses a type the platform does not accept, and types we never keep", () => {
    expect(refusalOf(file("a.webp", "image/webp", 10), "instagram", en)).toBe(
      "Instagram does not accept this type of file (a.webp).",
    );
    expect(refusalOf(file("setup.exe", "application/x-msdownload", 10), "telegram", en)).toBe(
      "This type of file cannot be sent (setup.exe).",
    );
  });

  it("applies the storage limit on the web chat", () => {
    expect(refusalOf(file("big.pdf", "application/pdf", 26 * MB), "web_chat", en)).toBe(
      "big.pdf is too large: files of this kind go up to 25 MB.",
    );
  });
});
