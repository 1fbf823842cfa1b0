import { describe, expect, it } from "vitest";
import { gapKnowledgeDocument } from "./gap-document";

describe("the document Add to knowledge starts", () => {
  it("is titled with the question and starts with it, leaving the answer to write", () => {
    expect(gapKnowledgeDocument("Do you do dental implants?", new Set())).toEqual({
      id: "faq_do_you_do_dental_implants",
      type: "text",
      title: "Do you do dental implants?",
      content: "Do you do dental implants?\n",
    });
  });

  it("gets an id no other source has, in any script", () => {
    expect(gapKnowledgeDocument("Сколько стоит имплант?", new Set(["faq"])).id).toBe("faq_2");
    const taken = new Set(["faq_parking", "faq_parking_2"]);
    expect(gapKnowledgeDocument("Parking?", taken).id).toBe("faq_parking_3");
  });

  it("keeps a long question whole in the content and short in the title", () => {
    const long = `Can you ${"really ".repeat(40)}help?`;
    const document = gapKnowledgeDocument(long, new Set());
    expect(document.title.length).toBe(120);
    expect(document.title.endsWith("…")).toBe(true);
    expect(document.content).toBe(`${long}\n`);
    expect(document.id.length).toBeLessThanOrEqual(44);
  });
});
