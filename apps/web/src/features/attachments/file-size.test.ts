import { describe, expect, it } from "vitest";
import { attachments } from "./messages";
import { formatFileSize } from "./file-size";

describe("file sizes as the reader reads them", () => {
  it("bytes, kilobytes and megabytes with one decimal below ten", () => {
    const units = attachments.en.size;
    expect(formatFileSize(532, units, "en-US")).toBe("532 B");
    expect(formatFileSize(12_700, units, "en-US")).toBe("12 KB");
    expect(formatFileSize(3_250_000, units, "en-US")).toBe("3.1 MB");
  });

  it("Russian units and decimal comma", () => {
    expect(formatFileSize(3_250_000, attachments.ru.size, "ru-RU")).toBe("3,1 МБ");
  });
});
