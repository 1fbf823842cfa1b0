import { describe, expect, it } from "vitest";
import { DocumentExtractionError } from "../src/rag/extraction-error";
import { extractDocumentText } from "../src/rag/extract-text";
import { buildPdf } from "@agents-crm/config/testing/pdf-fixture";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function failure(promise: Promise<unknown>): Promise<DocumentExtractionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentExtractionError);
  return error as DocumentExtractionError;
}

describe("extractDocumentText", () => {
  it("reads .txt as UTF-8 text, dropping a BOM and normalising line ends", async () => {
    const data = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Часы работы:\r\n9–18\r\nمرحبا")]);
    expect(await extractDocumentText({ filename: "hours.TXT", data })).toEqual({
      text: "Часы работы:\n9–18\nمرحبا",
    });
  });

  it("keeps Markdown and JSON as text", async () => {
    const md = "# Prices\n\n- Consultation: 500 AED\n";
    expect(await extractDocumentText({ filename: "prices.md", data: utf8(md) })).toEqual({
      text: md,
    });
    const json = '{"faq":[{"q":"Parking?","a":"Yes"}]}';
    expect((await extractDocumentText({ filename: "faq.json", data: utf8(json) })).text).toBe(json);
  });

  it("falls back to the MIME type when the name has no known extension", async () => {
    const text = await extractDocumentText({
      filename: "notes",
      mimeType: "text/plain; charset=utf-8",
      data: utf8("hi"),
    });
    expect(text.text).toBe("hi");
    const pdf = await extractDocumentText({
      filename: "upload",
      mimeType: "application/pdf",
      data: buildPdf([["From MIME"]]),
    });
    expect(pdf.text).toBe("From MIME");
  });

  it("extracts the text layer of a PDF, page by page, without detaching the caller's buffer", async () => {
    const data = buildPdf([
      ["Opening hours: Monday to Friday 9 to 18.", "Saturday 10 to 14 (short day)."],
      ["Address: 12 Sheikh Zayed Road, Dubai."],
    ]);
    const result = await extractDocumentText({
      filename: "clinic.pdf",
      mimeType: "application/pdf",
      data,
    });
    expect(result.pages).toEqual([
      "Opening hours: Monday to Friday 9 to 18.\nSaturday 10 to 14 (short day).",
      "Address: 12 Sheikh Zayed Road, Dubai.",
    ]);
    expect(result.text).toBe(`${result.pages?.[0]}\n\n${result.pages?.[1]}`);
    expect(data.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(data.subarray(0, 5))).toBe("%PDF-");
  });

  it("rejects a non-PDF file named .pdf, and a broken PDF, as unreadable", async () => {
    const renamed = await failure(
      extractDocumentText({ filename: "menu.pdf", data: utf8("just some text") }),
    );
    expect(renamed.code).toBe("unreadable_pdf");
    expect(renamed.message).toContain("menu.pdf");
    const broken = await failure(
      extractDocumentText({ filename: "broken.pdf", data: utf8("%PDF-1.4\n1 0 obj\n<<") }),
    );
    expect(broken.code).toBe("unreadable_pdf");
  });

  it("rejects a PDF without a text layer as empty", async () => {
    const error = await failure(
      extractDocumentText({ filename: "scan.pdf", data: buildPdf([[]]) }),
    );
    expect(error.code).toBe("empty_document");
  });

  it("rejects unsupported types, binary text files, empty files and files over the size limit", async () => {
    const docx = await failure(
      extractDocumentText({ filename: "cv.docx", mimeType: "application/msword", data: utf8("x") }),
    );
    expect(docx.code).toBe("unsupported_type");
    expect(docx.message).toMatch(/cv\.docx.*\.txt, \.md/);
    const binary = await failure(
      extractDocumentText({ filename: "a.txt", data: new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) }),
    );
    expect(binary.code).toBe("not_text");
    const empty = await failure(extractDocumentText({ filename: "a.md", data: utf8(" \n\n ") }));
    expect(empty.code).toBe("empty_document");
    const large = await failure(
      extractDocumentText({ filename: "a.txt", data: utf8("abcdef") }, { maxBytes: 5 }),
    );
    expect(large.code).toBe("too_large");
  });
});
