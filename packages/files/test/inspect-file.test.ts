import {
  ATTACHMENT_MAX_BYTES,
  DOCX_MIME,
  WEB_CHAT_ATTACHMENT_MIME_TYPES,
  XLSX_MIME,
} from "@agents-crm/config/attachments";
import { describe, expect, it } from "vitest";
import { inspectFile, stripImageMetadata } from "../src";
import { heicWithExif, jpegWithExif, officeZip, oggOpus, pdf, png } from "../src/testing/fixtures";

describe("inspectFile: the real type from the bytes", () => {
  it("reads an image's type and size whatever it is called", () => {
    const file = inspectFile(png(640, 480), { declaredType: "application/pdf", name: "scan.pdf" });
    expect(file).toMatchObject({ mimeType: "image/png", kind: "image", width: 640, height: 480 });
    expect(file.refusal).toBeUndefined();
    expect(inspectFile(jpegWithExif(1200, 800))).toMatchObject({
      mimeType: "image/jpeg",
      width: 1200,
      height: 800,
    });
  });

  it("refuses an HTML page declared as image/png, naming the type found", () => {
    const html = Buffer.from("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>");
    const file = inspectFile(html, { declaredType: "image/png", name: "photo.png" });
    expect(file.mimeType).toBe("text/html");
    expect(file.refusal).toMatchObject({ code: "unsupported_type" });
    expect(file.refusal?.message).toContain("text/html");
  });

  it("refuses SVG, executables and archives that are not office documents", () => {
    expect(
      inspectFile(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')).refusal?.message,
    ).toContain("image/svg+xml");
    expect(inspectFile(Buffer.from("MZ\x90\0\x03", "latin1")).refusal?.code).toBe(
      "unsupported_type",
    );
    expect(inspectFile(officeZip("payload.exe")).mimeType).toBe("application/zip");
  });

  it("tells documents apart: PDF, docx, xlsx, plain text and CSV", () => {
    expect(inspectFile(pdf())).toMatchObject({ mimeType: "application/pdf", kind: "document" });
    expect(inspectFile(officeZip("word/document.xml")).mimeType).toBe(DOCX_MIME);
    expect(inspectFile(officeZip("xl/workbook.xml")).mimeType).toBe(XLSX_MIME);
    expect(inspectFile(Buffer.from("Цены: 100\n"))).toMatchObject({
      mimeType: "text/plain",
      kind: "document",
    });
    expect(inspectFile(Buffer.from("a,b\n1,2\n"), { name: "prices.csv" }).mimeType).toBe(
      "text/csv",
    );
  });

  it("keeps the kind the sender names when the bytes fit it (a voice note)", () => {
    expect(inspectFile(oggOpus(), { kind: "voice" })).toMatchObject({
      mimeType: "audio/ogg",
      kind: "voice",
    });
    expect(inspectFile(oggOpus())).toMatchObject({ kind: "audio" });
    expect(inspectFile(pdf(), { kind: "voice" }).kind).toBe("document");
  });

  it("refuses a file above its kind's limit, and an empty one", () => {
    const big = jpegWithExif(10, 10, ATTACHMENT_MAX_BYTES.image);
    const file = inspectFile(big);
    expect(file.refusal?.code).toBe("too_large");
    expect(file.refusal?.message).toMatch(/images may be at most 10 MB/);
    expect(inspectFile(new Uint8Array()).refusal?.code).toBe("empty");
  });

  it("refuses types the place does not accept (the web chat: images and PDFs)", () => {
    const file = inspectFile(officeZip("word/document.xml"), {
      accept: WEB_CHAT_ATTACHMENT_MIME_TYPES,
    });
    expect(file.refusal?.code).toBe("not_allowed_here");
    expect(inspectFile(pdf(), { accept: WEB_CHAT_ATTACHMENT_MIME_TYPES }).refusal).toBeUndefined();
  });
});

describe("stripImageMetadata", () => {
  it("drops a JPEG's EXIF and XMP blocks (the GPS position) and keeps the image", () => {
    const original = jpegWithExif(1200, 800);
    const stripped = Buffer.from(stripImageMetadata(original, "image/jpeg"));
    expect(original.includes("GPSLatitude")).toBe(true);
    expect(stripped.includes("GPS")).toBe(false);
    expect(stripped.includes("Exif")).toBe(false);
    expect(inspectFile(stripped)).toMatchObject({
      mimeType: "image/jpeg",
      width: 1200,
      height: 800,
    });
    expect(stripped.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it("keeps only the orientation of a sideways phone photo", () => {
    const stripped = Buffer.from(stripImageMetadata(jpegWithExif(800, 600, 0, 6), "image/jpeg"));
    expect(stripped.includes("GPS")).toBe(false);
    const at = stripped.indexOf("Exif\0\0MM");
    expect(at).toBeGreaterThan(0);
    // IFD0: one entry, Orientation (0x0112) = 6.
    expect(stripped.readUInt16BE(at + 14)).toBe(1);
    expect(stripped.readUInt16BE(at + 16)).toBe(0x0112);
    expect(stripped.readUInt16BE(at + 24)).toBe(6);
    expect(inspectFile(stripped)).toMatchObject({ width: 800, height: 600 });
  });

  it("drops a PNG's eXIf and text chunks", () => {
    const original = png(4, 3, [
      ["tEXt", "Comment\0taken at home"],
      ["eXIf", "MM\0*GPS"],
    ]);
    const stripped = Buffer.from(stripImageMetadata(original, "image/png"));
    expect(stripped.includes("taken at home")).toBe(false);
    expect(stripped.includes("GPS")).toBe(false);
    expect(stripped).toEqual(png(4, 3));
  });

  it("zeroes a HEIC's EXIF item (the GPS position) and keeps the picture where iloc says it is", () => {
    const original = heicWithExif(4032, 3024);
    expect(inspectFile(original)).toMatchObject({
      mimeType: "image/heic",
      width: 4032,
      height: 3024,
    });
    expect(original.includes("GPSLatitude")).toBe(true);
    const stripped = Buffer.from(stripImageMetadata(original, "image/heic"));
    expect(stripped.includes("GPS")).toBe(false);
    expect(stripped.includes("Exif")).toBe(true); // the item's name in iinf: only its bytes are gone
    expect(stripped.length).toBe(original.length);
    const picture = original.indexOf(Buffer.alloc(64, 0x55));
    expect(stripped.subarray(picture, picture + 64)).toEqual(Buffer.alloc(64, 0x55));
    expect(inspectFile(stripped)).toMatchObject({
      mimeType: "image/heic",
      width: 4032,
      height: 3024,
    });
  });

  it("leaves a HEIC it cannot follow unchanged", () => {
    const cut = heicWithExif(10, 10).subarray(0, 60);
    expect(stripImageMetadata(cut, "image/heic")).toBe(cut);
  });

  it("leaves other types alone", () => {
    const bytes = pdf();
    expect(stripImageMetadata(bytes, "application/pdf")).toBe(bytes);
  });
});
