import { demoAgentDocument } from "@agents-crm/config/agent-config";
import { describe, expect, it } from "vitest";
import { keepCreatedWarnings, readCreatedWarnings } from "./created-notes";
import { declaredAgentId, importFileProblem, importIssuesText } from "./import-files";
import {
  bytesToBase64,
  knowledgeFileProblem,
  sourceIdFor,
  titleFromFilename,
} from "./knowledge-files";
import { splitPerLanguage, textFor, withText } from "./localized-text";
import { cloneIdFor, isValidAgentId, suggestAgentId } from "./new-agent";
import {
  detectFormat,
  formatDocument,
  offsetOf,
  parseRawDocument,
  positionOf,
} from "./raw-document";
import { badRanges, linesToList, textToRanges } from "./text-lists";

describe("the raw editor", () => {
  it("round-trips the whole document through JSON and YAML", () => {
    for (const format of ["json", "yaml"] as const) {
      const text = formatDocument(demoAgentDocument, format);
      const parsed = parseRawDocument(text, format);
      expect(parsed).toEqual({ ok: true, document: demoAgentDocument });
    }
  });

  it("says on which line and column invalid JSON breaks", () => {
    const result = parseRawDocument('{\n  "agent_id": "a",\n  "llm": {\n}', "json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.line).toBe(4);
    expect(result.problem.message).not.toBe("");
    const trailing = parseRawDocument('{\n  "a": 1,\n}', "json");
    expect(trailing.ok ? null : trailing.problem.line).toBe(3);
  });

  it("says on which line invalid YAML breaks, duplicate keys included", () => {
    const broken = parseRawDocument("agent_id: a\nllm:\n  model: [x\n", "yaml");
    expect(broken.ok ? null : broken.problem.line).toBeGreaterThanOrEqual(3);
    const duplicate = parseRawDocument("agent_id: a\nagent_id: b\n", "yaml");
    expect(duplicate.ok ? null : duplicate.problem.line).toBe(2);
  });

  it("converts between offsets and line/column both ways", () => {
    const text = "ab\ncde\n\nf";
    for (const offset of [0, 2, 3, 5, 7, 8, text.length]) {
      const { line, column } = positionOf(text, offset);
      expect(offsetOf(text, line, column)).toBe(offset);
    }
    expect(offsetOf(text, 99, 99)).toBe(text.length);
  });

  it("refuses a document that is not a mapping", () => {
    expect(parseRawDocument("- a\n- b\n", "yaml").ok).toBe(false);
    expect(parseRawDocument("42", "json").ok).toBe(false);
  });

  it("recognises the format of a pasted or uploaded document", () => {
    expect(detectFormat('  {"a": 1}')).toBe("json");
    expect(detectFormat("agent_id: a")).toBe("yaml");
    expect(detectFormat("{a: 1}", "agent.yml")).toBe("yaml");
  });
});

describe("lists and opening hours typed as text", () => {
  it("reads one entry per line and several ranges per day", () => {
    expect(linesToList(" urgent \n\n chest pain\n")).toEqual(["urgent", "chest pain"]);
    expect(textToRanges("09:00 - 13:00, 14:00-18:00,")).toEqual(["09:00-13:00", "14:00-18:00"]);
    expect(badRanges("09:00-13:00, 9-18, 25:00-26:00")).toEqual(["9-18", "25:00-26:00"]);
  });
});

describe("texts per language", () => {
  it("edits one language of a template and drops the template when emptied", () => {
    expect(textFor("Hello", "ru")).toBe("Hello");
    let value = withText(undefined, "en", "Hi");
    expect(value).toEqual({ en: "Hi" });
    value = withText(value, "ru", "Привет");
    expect(textFor(value, "ru")).toBe("Привет");
    expect(withText(withText(value, "en", ""), "ru", "")).toBeUndefined();
    expect(withText("Hi", null, "")).toBeUndefined();
    expect(splitPerLanguage("Hi", ["en", "ru"])).toEqual({ en: "Hi", ru: "Hi" });
  });
});

describe("uploads", () => {
  it("refuses other types, empty files and files over the API's 10 MB before sending", () => {
    expect(knowledgeFileProblem({ name: "a.docx", size: 10 })).toEqual({
      kind: "type",
      extension: ".docx",
    });
    expect(knowledgeFileProblem({ name: "a.md", size: 0 })).toEqual({ kind: "empty" });
    expect(knowledgeFileProblem({ name: "A.PDF", size: 11 * 1024 * 1024 })?.kind).toBe("size");
    expect(knowledgeFileProblem({ name: "prices.md", size: 300 })).toBeNull();
    expect(importFileProblem({ name: "agent.yml", size: 10 })).toBeNull();
    expect(importFileProblem({ name: "agent.txt", size: 10 })).toBe("type");
  });

  it("lists an imported document's issues one per line, naming the whole document when there is no path", () => {
    expect(
      importIssuesText([
        { path: ["llm", "model"], message: "Required" },
        { path: [], message: "Unknown key" },
      ]),
    ).toBe("llm.model: Required\ndocument: Unknown key");
  });

  it("encodes bytes as base64 like the API decodes them", () => {
    const bytes = new TextEncoder().encode("Prices: cleaning 350 AED — ℮".repeat(5000));
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });

  it("names a file's source uniquely", () => {
    expect(sourceIdFor("Price list 2026.pdf", new Set())).toBe("price_list_2026");
    expect(sourceIdFor("faq.md", new Set(["faq", "faq_2"]))).toBe("faq_3");
    expect(sourceIdFor("Прайс.md", new Set())).toBe("document");
    expect(titleFromFilename("Price list.md")).toBe("Price list");
  });

  it("finds the agent id a pasted document declares", () => {
    expect(declaredAgentId("version: '1.0'\nagent_id: dr_who # the id\n")).toBe("dr_who");
    expect(declaredAgentId('{"agent_id": "x-1"}')).toBe("x-1");
    expect(declaredAgentId("profile: {}")).toBeNull();
  });
});

describe("agent ids", () => {
  it("suggests a valid id from names in any script", () => {
    expect(suggestAgentId("Клиника Солнце", "Dr. Анна Йорк")).toBe("klinika_solntse_dr_anna_york");
    expect(suggestAgentId("Café Ünïcode")).toBe("cafe_unicode");
    expect(isValidAgentId(suggestAgentId("x".repeat(80)))).toBe(true);
    expect(isValidAgentId("has space")).toBe(false);
  });

  it("proposes a free id for a clone", () => {
    expect(cloneIdFor("demo", new Set())).toBe("demo_copy");
    expect(cloneIdFor("demo", new Set(["demo_copy", "demo_copy_2"]))).toBe("demo_copy_3");
  });
});

describe("warnings of a new agent", () => {
  it("survive the navigation to its page, per agent", () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    } as Storage;
    keepCreatedWarnings(storage, "a", ["rag.sources has no source with content"]);
    expect(readCreatedWarnings(storage, "a")).toEqual(["rag.sources has no source with content"]);
    expect(readCreatedWarnings(storage, "b")).toEqual([]);
    storage.setItem("agents-crm:agent-created:c", "{broken");
    expect(readCreatedWarnings(storage, "c")).toEqual([]);
  });
});
