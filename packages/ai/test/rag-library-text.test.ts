import { describe, expect, it } from "vitest";
import { DocumentExtractionError } from "../src/rag/extraction-error";
import { libraryDocumentText } from "../src/rag/library-text";
import { buildDocx, buildZip } from "./docx-fixture";

async function failure(promise: Promise<unknown>): Promise<DocumentExtractionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentExtractionError);
  return error as DocumentExtractionError;
}

describe("libraryDocumentText", () => {
  it("reads a .docx: paragraphs one per line, runs joined, tabs kept, entities decoded", async () => {
    const data = buildDocx([
      ["Прайс-лист ", "2026"],
      [],
      ["Чистка", "\t", "3000 ₽"],
      ["Whitening & polishing <in one visit>"],
    ]);
    const text = await libraryDocumentText("docx", {
      file: { fileName: "prices.docx", data },
    });
    expect(text).toBe("Прайс-лист 2026\nЧистка\t3000 ₽\nWhitening & polishing <in one visit>");
  });

  it("refuses a zip without a Word body, a non-zip file and a .docx without text, each with its reason", async () => {
    const notWord = await failure(
      libraryDocumentText("docx", {
        file: { fileName: "archive.docx", data: buildZip({ "readme.txt": "hello" }) },
      }),
    );
    expect(notWord.message).toBe('"archive.docx" is not a .docx document');
    const garbage = await failure(
      libraryDocumentText("docx", {
        file: { fileName: "fake.docx", data: new TextEncoder().encode("not a zip at all") },
      }),
    );
    expect(garbage.code).toBe("unsupported_type");
    const empty = await failure(
      libraryDocumentText("docx", { file: { fileName: "blank.docx", data: buildDocx([[" "]]) } }),
    );
    expect(empty.code).toBe("empty_document");
    expect(empty.message).toBe('"blank.docx" contains no text');
  });

  it("indexes an image by its caption, and refuses an image without one", async () => {
    const photo = {
      fileName: "map.jpg",
      mimeType: "image/jpeg",
      data: new Uint8Array([0xff, 0xd8]),
    };
    expect(
      await libraryDocumentText("image", {
        caption: "  Схема проезда: вход со двора, парковка за зданием  ",
        file: photo,
      }),
    ).toBe("Схема проезда: вход со двора, парковка за зданием");
    const missing = await failure(libraryDocumentText("image", { caption: "  ", file: photo }));
    expect(missing.code).toBe("empty_document");
  });
});
